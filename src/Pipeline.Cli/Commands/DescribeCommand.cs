using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Sources;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe describe PKG[@VERSION] [--json] [--config FILE]</c>.</summary>
public static class DescribeCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var package = new Argument<string>("PKG[@VERSION]") { Description = "The package, and optionally its exact version (default: the latest)." };
        var json = RepositoryWorkspace.JsonOption();
        var config = RepositoryWorkspace.ConfigOption();
        var command = new Command("describe", "Show a package version: metadata, descriptors and options.") { package, json, config };
        command.SetAction(parsed => Run(console, environment, parsed.GetValue(package)!, parsed.GetValue(json), parsed.GetValue(config)));
        return command;
    }

    public static int Run(CliConsole console, ProcessEnvironment environment, string reference, bool json, string? configOption)
    {
        var resolved = RepositoryWorkspace.Resolve(reference, configOption, environment, console, out var failure);
        if (resolved?.Package is not { } package) return failure;
        var repository = resolved.Repository!;
        if (json)
        {
            RepositoryWorkspace.WriteJson(console, new JsonObject
            {
                ["name"] = package.Name,
                ["version"] = package.Version,
                ["releaseVersion"] = package.ReleaseVersion,
                [Pipeline.Packages.Documents.PackageFields.PackagingVersion] = package.PackagingVersion,
                ["repository"] = repository.Name,
                ["package"] = package.Package.DeepClone(),
                ["config"] = package.Config?.DeepClone(),
                ["resource"] = package.Resource?.DeepClone(),
                ["descriptors"] = RepositoryWorkspace.Strings(package.Descriptors.Select(d => d.Name.OutputName)),
                ["warnings"] = RepositoryWorkspace.WarningsJson(resolved.Warnings),
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
            var defaults = PackageOptions.Build(config, [], []).Merged;
            var table = new TextTable("OPTION", "TYPE", "DEFAULT", "DESCRIPTION");
            // Read as the validator reads it: options from allOf/anyOf/oneOf branches and $ref'd definitions too.
            if (Pipeline.Json.Parsing.JsonParser.Parse(config.ToJsonString()).Root is { } schema) Options(Pipeline.Json.Options.OptionTree.Read(schema).Root, "", defaults, table, 0);
            o.WriteLine();
            table.Write(o);
        }
        return ExitCodes.Success;
    }

    private static void Options(Pipeline.Json.Options.OptionNode parent, string prefix, JsonNode? defaults, TextTable table, int depth)
    {
        if (depth > 8) return;
        foreach (var option in parent.Children)
        {
            if (option.Declaration is { Kind: not Pipeline.Json.Dom.JsonKind.Object }) continue;
            var path = prefix.Length == 0 ? option.Name : $"{prefix}.{option.Name}";
            var type = option.Keyword("type") switch
            {
                { Kind: Pipeline.Json.Dom.JsonKind.String } single => single.String!,
                { } other => other.ToString(),
                null => "",
            };
            var current = (defaults as JsonObject)?[option.Name];
            var shown = current is null || current is JsonObject ? "" : TextTable.Cut(JsonOutput.Write(current, indented: false), 30);
            var description = option.Keyword("description") is { Kind: Pipeline.Json.Dom.JsonKind.String } d ? d.String : null;
            table.Add(path, type, shown, TextTable.Cut(description, 70));
            Options(option, path, current, table, depth + 1);
        }
    }

    private static string? PackageFacts(PackageDefinition package, string name) =>
        package.Package[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static void Field(TextWriter o, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value)) o.WriteLine($"{label + ":",-13}{value}");
    }
}
