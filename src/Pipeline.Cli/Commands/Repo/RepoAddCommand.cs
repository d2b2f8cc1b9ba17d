using System.CommandLine;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Fetching;
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
            Description = "A universe tree folder, or the http(s)/file URL or path of an index.json, a DC/OS repository file (universe.json, repo-up-to-X.Y.json; v3, v4, v5) or a DC/OS /repo endpoint. It is read once to say what it holds.",
        };
        var priority = new Option<int>("--priority") { Description = "Higher numbers resolve first (default 0; ties in the order added).", DefaultValueFactory = _ => 0 };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("add", "Add a repository.") { name, location, priority, config };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, parsed.GetValue(name)!, parsed.GetValue(location)!, parsed.GetValue(priority), parsed.GetValue(config), cancellationToken));
        return command;
    }

    /// <summary>
    /// The location is read once to say what it is. One that cannot be reached is added with a
    /// warning (a site may configure its repositories before their servers are up, and every
    /// command skips an unreachable repository with a warning); one that answers with something
    /// that is no repository (another format, a zip, a malformed DC/OS file) is refused.
    /// </summary>
    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string name, string location, int priority, string? configOption, CancellationToken cancellationToken = default)
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
        var probe = await RepositoryProbe.RunAsync(location, new ContentFetcher(UpstreamClients.Documents.Value, ProbeLimits), cancellationToken).ConfigureAwait(false);
        if (probe.Refusal is { } refusal)
        {
            console.Error.WriteLine($"universe: not added: {refusal}");
            return ExitCodes.Failure;
        }
        if (!RepositoryCommandLine.Save(path, updated, console)) return ExitCodes.Failure;
        if (probe.Unreachable is { } unreachable) console.Error.WriteLine($"warning: {unreachable}; added without checking what it holds");
        console.Out.WriteLine($"added `{name}` ({probe.Description ?? "not checked"}, priority {priority}): {location}");
        return ExitCodes.Success;
    }

    /// <summary>Adding should not wait as long as a command that needs the file.</summary>
    private static readonly FetchLimits ProbeLimits = new() { Deadline = TimeSpan.FromSeconds(30) };
}
