using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Sources;

namespace Pipeline.Cli.Commands.Repo;

/// <summary><c>universe repo list [--json] [--config FILE]</c>: in resolution order.</summary>
public static class RepoListCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var json = RepositoryCommandLine.JsonOption();
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("list", "List the repositories, the first to resolve a package name first.") { json, config };
        command.SetAction(parsed => Run(console, environment, parsed.GetValue(json), parsed.GetValue(config)));
        return command;
    }

    public static int Run(CliConsole console, ProcessEnvironment environment, bool json, string? configOption)
    {
        var path = RepositoryCommandLine.ConfigPath(configOption, environment, console);
        if (path is null || RepositoryCommandLine.Load(path, console) is not { } config) return ExitCodes.Failure;
        var ordered = config.ByPriority;
        if (json)
        {
            var list = new JsonArray(ordered.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["location"] = r.Location,
                ["priority"] = r.Priority,
                ["kind"] = KindName(r.Location),
            }).ToArray());
            RepositoryCommandLine.WriteJson(console, new JsonObject { ["configFile"] = path, ["repositories"] = list });
            return ExitCodes.Success;
        }
        if (ordered.Count == 0)
        {
            console.Out.WriteLine($"no repositories configured ({path}); add one with `universe repo add NAME LOCATION`");
            return ExitCodes.Success;
        }
        var table = new TextTable("NAME", "PRIORITY", "KIND", "LOCATION");
        foreach (var r in ordered) table.Add(r.Name, r.Priority.ToString(CultureInfo.InvariantCulture), KindName(r.Location), r.Location);
        table.Write(console.Out);
        return ExitCodes.Success;
    }

    private static string KindName(string location) => PackageSources.KindOf(location) == SourceKind.LocalTree ? "tree" : "file";
}
