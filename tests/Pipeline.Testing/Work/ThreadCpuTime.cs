using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Testing.Work;

/// <summary>
/// Processor time the calling thread has used: a bound on work that a busy shared machine does not
/// stretch, unlike a wall clock, and that tests running in parallel on other threads do not inflate.
/// Linux reads it from /proc/thread-self/schedstat (nanoseconds); elsewhere the whole process's
/// processor time stands in, which only overstates it.
/// </summary>
public static class ThreadCpuTime
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    public static TimeSpan Now()
    {
        if (File.Exists(SchedStat))
        {
            var first = File.ReadAllText(SchedStat).Split(' ', 2)[0];
            return TimeSpan.FromTicks(long.Parse(first, CultureInfo.InvariantCulture) / 100);
        }
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Runs <paramref name="work"/> and returns its result with the processor time it took on this thread.</summary>
    public static (T Result, TimeSpan Used) Measure<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var before = Now();
        var result = work();
        return (result, Now() - before);
    }
}
