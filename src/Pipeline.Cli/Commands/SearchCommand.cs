using System.CommandLine;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Rendering;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe search [QUERY] [--json] [--config FILE]</c>: the union over every repository.</summary>
public static class SearchCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var query = new Argument<string?>("QUERY") { Description = "Text to find in names, descriptions and tags (all packages without it).", Arity = ArgumentArity.ZeroOrOne };
        var json = RepositoryCommandLine.JsonOption();
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("search", "Search the packages of every repository, with the repository each comes from.") { query, json, config };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, parsed.GetValue(query), parsed.GetValue(json), parsed.GetValue(config), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string? query, bool json, string? configOption, CancellationToken cancellationToken)
    {
        if (RepositoryCommandLine.Resolver(configOption, environment, console) is not { } resolver) return ExitCodes.Failure;
        var result = await resolver.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        RepositoryCommandLine.PrintWarnings(result.Warnings, console);
        if (json)
        {
            var packages = new JsonArray(result.Packages.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Package.Name,
                ["version"] = p.Package.Version,
                ["releaseVersion"] = p.Package.ReleaseVersion,
                ["repository"] = p.Repository,
                ["description"] = p.Package.Description,
                ["tags"] = JsonOutput.Strings(p.Package.Tags),
                ["framework"] = p.Package.Framework,
                ["selected"] = p.Package.Selected,
            }).ToArray());
            RepositoryCommandLine.WriteJson(console, new JsonObject { ["packages"] = packages, ["warnings"] = JsonOutput.Warnings(result.Warnings) });
        }
        else if (result.Packages.Count == 0)
        {
            console.Out.WriteLine(query is null ? "no packages" : $"no packages match `{query}`");
        }
        else
        {
            var table = new TextTable("NAME", "VERSION", "REPOSITORY", "DESCRIPTION");
            foreach (var p in result.Packages) table.Add(p.Package.Name, p.Package.Version, p.Repository, TextTable.Cut(p.Package.Description));
            table.Write(console.Out);
        }
        return ExitCodes.Success;
    }
}
