using System.CommandLine;
using Pipeline.Cli.Commands;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliConsole.System(), ProcessEnvironment.System());

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, ProcessEnvironment.System(), cancellationToken);

    /// <summary>
    /// Runs one command. <paramref name="cancellationToken"/> (or Ctrl+C, which System.CommandLine
    /// turns into the same token) stops it: one line on standard error and exit 130, as a shell
    /// reports an interrupted program; <c>serve</c> alone exits 0, Ctrl+C being how it is stopped.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, ProcessEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(console, environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.WriteLine($"universe: {error.Message}");
            console.Error.WriteLine("Run `universe --help` for usage.");
            return ExitCodes.Failure;
        }
        // Commands report user mistakes themselves; what escapes one is an infrastructure failure
        // (a closed pipe, a full disk, a bug). System.CommandLine's own handler would print a stack
        // trace and exit 1, which means "errors found": this one prints one line and exits 2.
        try
        {
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryWriteError(console, "universe: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception error)
        {
            TryWriteError(console, $"universe: {parsed.CommandResult.Command.Name} failed: {Pipeline.Diagnostics.Reports.TerminalText.Escape(error.Message)} ({error.GetType().Name})");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// The whole command tree. Public so tests can check every command the README, the help and
    /// the messages print against the commands and options that really exist.
    /// </summary>
    public static RootCommand CreateRoot(CliConsole console, ProcessEnvironment environment)
    {
        var root = new RootCommand("universe: validate, build and publish package repositories compatible with Mesosphere's Universe.")
        {
            ValidateCommand.Create(console, environment),
            BuildCommand.Create(console, environment),
            BaselineCommand.Create(console, environment),
            RulesCommand.Create(console),
            // Consuming repositories (repo, search, describe, versions, render …): registered here.
            Commands.Repo.RepoCommand.Create(console, environment),
            SearchCommand.Create(console, environment),
            DescribeCommand.Create(console, environment),
            VersionsCommand.Create(console, environment),
            RenderCommand.Create(console, environment),
            MirrorCommand.Create(console, environment),
            CliInstallCommand.Create(console, environment),
            PromoteCommand.Create(console, environment),
            BumpCommand.Create(console, environment),
            ServeCommand.Create(console, environment),
            VersionCommand.Create(console),
        };
        VersionCommand.Replace(root, console);
        // The GitHub Action's entry point.
        root.Subcommands.Add(ActionCommand.Create(console, environment));
        root.Subcommands.Add(PublishCommand.Create(console, environment));
        HelpExamples.Install(root);
        return root;
    }

    /// <summary>Writes the last line of a failed run; the error stream may be what failed.</summary>
    private static void TryWriteError(CliConsole console, string line)
    {
        try
        {
            console.Error.WriteLine(line);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
