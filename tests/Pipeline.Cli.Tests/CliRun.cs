using Pipeline.Diagnostics.Runs;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>Runs the universe program in-process with its own console, as a user would call it.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> OfAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs in <paramref name="environment"/>: its variables and its working folder.</summary>
    public static async Task<CliRun> InAsync(ProcessEnvironment environment, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Program.RunAsync([.. args], new CliConsole(output, error, IsTerminal: false), environment, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string RuleCase(string name) =>
        Path.Combine(RepositoryFolders.Root, "tests", "Pipeline.Validation.Tests", "Rules", name, "tree");
}
