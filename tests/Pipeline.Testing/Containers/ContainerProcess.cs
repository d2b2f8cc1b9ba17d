using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Pipeline.Testing.Containers;

/// <summary>
/// Runs one of the container tools (podman, debootstrap, tar) to completion, echoing its progress
/// lines to the test output and killing it when the test's time runs out.
/// </summary>
public static class ContainerProcess
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>The full path of <paramref name="program"/> on PATH (and the sbin folders root has), or null.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var folders = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/local/sbin", "/usr/sbin", "/sbin"]);
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }

    public static async Task<Result> RunAsync(
        string program,
        IEnumerable<string> arguments,
        ITestOutputHelper log,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        Func<string, bool>? echo = null)
    {
        var start = new ProcessStartInfo(Find(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        // debootstrap and podman look for their helpers in the sbin folders.
        start.Environment["PATH"] = $"{Environment.GetEnvironmentVariable("PATH")}:/usr/local/sbin:/usr/sbin:/sbin";

        var output = new StringBuilder();
        void Line(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (echo?.Invoke(line) ?? true) Write(log, $"  {program}: {line}");
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran out of time:\n{Tail(output)}");
        }
        process.WaitForExit(); // drains the redirected output
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>Runs <paramref name="program"/> and throws, with the end of its output, unless it succeeds.</summary>
    public static async Task<string> RunCheckedAsync(
        string program,
        IEnumerable<string> arguments,
        ITestOutputHelper log,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        Func<string, bool>? echo = null)
    {
        var list = arguments.ToList();
        var result = await RunAsync(program, list, log, cancellationToken, environment, echo);
        if (result.ExitCode != 0)
        {
            var output = new StringBuilder(result.Output);
            throw new InvalidOperationException($"{program} {string.Join(' ', list)} exited with {result.ExitCode}:\n{Tail(output)}");
        }
        return result.Output;
    }

    public static void Write(ITestOutputHelper log, string line)
    {
        try
        {
            log.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already ended (a late line from a killed process).
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            const int keep = 6000;
            return output.Length <= keep ? output.ToString() : "…" + output.ToString(output.Length - keep, keep);
        }
    }
}
