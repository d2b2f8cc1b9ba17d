using System.Diagnostics;

namespace Pipeline.Testing.Processes;

/// <summary>
/// Runs a program to its end with its output captured, as the packaging and release tests run
/// dotnet, bash scripts and the tools that check their results; killed (with its children) when
/// <c>cancellationToken</c> fires, and the cancellation carries what it printed.
/// </summary>
public static class ProgramRun
{
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Outcome> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new OperationCanceledException($"{program} was stopped before it finished; its output so far:\n{await output}\n{await error}", cancellationToken);
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
