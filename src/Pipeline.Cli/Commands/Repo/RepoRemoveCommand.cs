using System.CommandLine;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Configuration;

namespace Pipeline.Cli.Commands.Repo;

/// <summary><c>universe repo remove NAME [--config FILE]</c>.</summary>
public static class RepoRemoveCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "The repository to remove." };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("remove", "Remove a repository.") { name, config };
        command.SetAction(parsed => Run(console, environment, parsed.GetValue(name)!, parsed.GetValue(config)));
        return command;
    }

    public static int Run(CliConsole console, ProcessEnvironment environment, string name, string? configOption)
    {
        var path = RepositoryCommandLine.ConfigPath(configOption, environment, console);
        if (path is null || RepositoryCommandLine.Load(path, console) is not { } config) return ExitCodes.Failure;
        if (config.Remove(name) is not { } updated)
        {
            var known = config.Repositories.Count == 0 ? "none are configured" : "configured: " + string.Join(", ", config.Repositories.Select(r => r.Name));
            console.Error.WriteLine($"universe: no repository named `{name}` ({known})");
            return ExitCodes.ContentErrors;
        }
        if (!RepositoryCommandLine.Save(path, updated, console)) return ExitCodes.Failure;
        console.Out.WriteLine($"removed `{name}`");
        return ExitCodes.Success;
    }
}
