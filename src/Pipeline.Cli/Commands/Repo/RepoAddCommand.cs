using System.CommandLine;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Sources;

namespace Pipeline.Cli.Commands.Repo;

/// <summary><c>universe repo add NAME LOCATION [--priority N] [--config FILE]</c>.</summary>
public static class RepoAddCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "A name for the repository (letters, digits, '.', '_', '-')." };
        var location = new Argument<string>("LOCATION")
        {
            Description = "A universe tree folder, or the http(s)/file URL or path of an index.json or a DC/OS repository JSON (v3, v4, v5).",
        };
        var priority = new Option<int>("--priority") { Description = "Higher numbers resolve first (default 0; ties in the order added).", DefaultValueFactory = _ => 0 };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("add", "Add a repository.") { name, location, priority, config };
        command.SetAction(parsed => Run(console, environment, parsed.GetValue(name)!, parsed.GetValue(location)!, parsed.GetValue(priority), parsed.GetValue(config)));
        return command;
    }

    public static int Run(CliConsole console, ProcessEnvironment environment, string name, string location, int priority, string? configOption)
    {
        var path = RepositoryCommandLine.ConfigPath(configOption, environment, console);
        if (path is null || RepositoryCommandLine.Load(path, console) is not { } config) return ExitCodes.Failure;

        // A path is kept absolute, so the file means the same from any working folder.
        if (PackageSources.AsUrl(location) is null)
        {
            location = environment.FullPath(location);
            if (!Directory.Exists(location) && !File.Exists(location))
            {
                console.Error.WriteLine($"universe: {location} does not exist (give a universe tree folder, a repository file, or an http(s) URL)");
                return ExitCodes.Failure;
            }
        }
        if (config.Add(new RepositoryEntry(name, location, priority), out var problem) is not { } updated)
        {
            console.Error.WriteLine($"universe: {problem}");
            return ExitCodes.Failure;
        }
        if (!RepositoryCommandLine.Save(path, updated, console)) return ExitCodes.Failure;
        var kind = PackageSources.KindOf(location) == SourceKind.LocalTree ? "universe tree" : "repository file";
        console.Out.WriteLine($"added `{name}` ({kind}, priority {priority}): {location}");
        return ExitCodes.Success;
    }
}
