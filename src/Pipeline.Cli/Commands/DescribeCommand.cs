using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Sources;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe describe PKG[@VERSION] [--json] [--config FILE]</c>.</summary>
public static class DescribeCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var package = new Argument<string>("PKG[@VERSION]") { Description = "The package, and optionally its exact version (default: the latest)." };
        var json = RepositoryCommandLine.JsonOption();
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("describe", "Show a package version: metadata, descriptors and options.") { package, json, config };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, parsed.GetValue(package)!, parsed.GetValue(json), parsed.GetValue(config), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, string reference, bool json, string? configOption, CancellationToken cancellationToken)
    {
        var (resolved, failure) = await RepositoryCommandLine.ResolveAsync(reference, configOption, environment, console, cancellationToken).ConfigureAwait(false);
        if (resolved?.Package is not { } package) return failure;
        var repository = resolved.Repository!;
        if (json)
        {
            RepositoryCommandLine.WriteJson(console, new JsonObject
            {
                ["name"] = package.Name,
                ["version"] = package.Version,
                ["releaseVersion"] = package.ReleaseVersion,
                [Pipeline.Packages.Documents.PackageFields.PackagingVersion] = package.PackagingVersion,
                ["repository"] = repository.Name,
                ["package"] = package.Package.DeepClone(),
                ["config"] = package.Config?.DeepClone(),
                ["resource"] = package.Resource?.DeepClone(),
                ["descriptors"] = JsonOutput.Strings(package.Descriptors.Select(d => d.Name.OutputName)),
                ["warnings"] = JsonOutput.Warnings(resolved.Warnings),
            });
            return ExitCodes.Success;
        }
        var o = console.Out;
        o.WriteLine($"{package.Name} {package.Version} (revision {package.ReleaseVersion}, packaging {package.PackagingVersion ?? "?"}) from `{repository.Name}`");
        if (PackageFacts(package, "description") is { } description) o.WriteLine(description);
        o.WriteLine();
        Field(o, "maintainer", PackageFacts(package, "maintainer"));
        Field(o, "website", PackageFacts(package, "website"));
        Field(o, "tags", string.Join(", ", package.Summary().Tags));
        Field(o, "framework", package.Summary().Framework ? "yes" : "no");
        Field(o, "min DC/OS", PackageFacts(package, "minDcosReleaseVersion"));
        Field(o, "descriptors", package.Descriptors.Count == 0 ? "none" : string.Join(", ", package.Descriptors.Select(d => d.Name.OutputName)));
        if (package.Config is { } config)
        {
            var table = new TextTable("OPTION", "TYPE", "DEFAULT", "DESCRIPTION");
            foreach (var option in OptionListing.Read(config)) table.Add(option.Path, option.Type, TextTable.Cut(option.Default, 30), TextTable.Cut(option.Description, 70));
            o.WriteLine();
            table.Write(o);
        }
        return ExitCodes.Success;
    }

    private static string? PackageFacts(PackageDefinition package, string name) =>
        package.Package[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static void Field(TextWriter o, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value)) o.WriteLine($"{label + ":",-13}{value}");
    }
}
