using System.CommandLine;
using Pipeline.Action;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe action</c>: the GitHub Action's entry point. It takes no options: GitHub passes the
/// inputs as INPUT_* variables and the context as GITHUB_* variables (see action.yml).
/// </summary>
public static class ActionCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var command = new Command("action", "Run as the GitHub Action: inputs from INPUT_* variables, context from GITHUB_* (see action.yml).");
        command.SetAction((_, cancellationToken) => RunAsync(console, environment, cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, CancellationToken cancellationToken)
    {
        if (!DynamicCode.Available(console, "action")) return Task.FromResult(ExitCodes.Failure);
        var runner = new ActionRunner(environment, console.Out);
        return runner.RunAsync(cancellationToken);
    }
}
