using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Rendering;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe versions PKG [--json] [--config FILE]</c>: every version in every repository.</summary>
public static class VersionsCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var package = new Argument<string>("PKG") { Description = "The package name." };
        var json = RepositoryCommandLine.JsonOption();
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("versions", "List a package's versions in every repository; * marks where the name resolves.") { package, json, config };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, parsed.GetValue(package)!, parsed.GetValue(json), parsed.GetValue(config), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string name, bool json, string? configOption, CancellationToken cancellationToken)
    {
        if (RepositoryCommandLine.Resolver(configOption, environment, console) is not { } resolver) return ExitCodes.Failure;
        var result = await resolver.VersionsAsync(name, cancellationToken).ConfigureAwait(false);
        RepositoryCommandLine.PrintWarnings(result.Warnings, console);
        if (json)
        {
            var versions = new JsonArray(result.Versions.Select(v => (JsonNode)new JsonObject
            {
                ["version"] = v.Package.Version,
                ["releaseVersion"] = v.Package.ReleaseVersion,
                [Pipeline.Packages.Documents.PackageFields.PackagingVersion] = v.Package.PackagingVersion,
                ["repository"] = v.Repository,
                ["priority"] = v.Priority,
            }).ToArray());
            RepositoryCommandLine.WriteJson(console, new JsonObject
            {
                ["name"] = name,
                ["resolvesIn"] = result.ResolvesIn,
                ["versions"] = versions,
                ["warnings"] = JsonOutput.Warnings(result.Warnings),
            });
        }
        else if (result.Versions.Count > 0)
        {
            var table = new TextTable("", "VERSION", "REVISION", "PACKAGING", "REPOSITORY");
            foreach (var v in result.Versions)
            {
                table.Add(v.Repository == result.ResolvesIn ? "*" : "", v.Package.Version,
                    v.Package.ReleaseVersion.ToString(CultureInfo.InvariantCulture), v.Package.PackagingVersion ?? "", v.Repository);
            }
            table.Write(console.Out);
        }
        if (result.Versions.Count > 0) return ExitCodes.Success;
        console.Error.WriteLine($"universe: package `{name}` not found in any reachable repository");
        return ExitCodes.ContentErrors;
    }
}
