using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>Wall time and peak resident memory of one whole process run.</summary>
public sealed record Measurement(TimeSpan Wall, long PeakBytes, int ExitCode);

public static class ProcessMeasurement
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>
    /// Runs the program under GNU time (exact peak RSS from the kernel's rusage); without it,
    /// samples /proc/PID/status VmHWM until the process exits (can miss the last milliseconds).
    /// </summary>
    public static Measurement Run(string program, IReadOnlyList<string> arguments)
    {
        var useTime = File.Exists(GnuTime);
        var start = new ProcessStartInfo(useTime ? GnuTime : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useTime)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("__peak_kb=%M");
            start.ArgumentList.Add(program);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long sampled = 0;
        while (!process.WaitForExit(2))
        {
            if (!useTime) sampled = Math.Max(sampled, SampleHighWater(process.Id));
        }
        clock.Stop();
        var error = stderr.Result;
        _ = stdout.Result;
        var peak = sampled;
        if (useTime)
        {
            var line = error.Split('\n').LastOrDefault(l => l.StartsWith("__peak_kb=", StringComparison.Ordinal));
            if (line is not null) peak = long.Parse(line["__peak_kb=".Length..], CultureInfo.InvariantCulture) * 1024;
        }
        return new Measurement(clock.Elapsed, peak, process.ExitCode);
    }

    private static long SampleHighWater(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}
