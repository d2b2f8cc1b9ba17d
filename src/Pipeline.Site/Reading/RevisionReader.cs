using System.Text.Json;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages;
using Pipeline.Site.Model;

namespace Pipeline.Site.Reading;

/// <summary>
/// Reads what the site shows from one revision's files. Never throws on bad content: a file that
/// does not parse is noted on the page, and a revision without a readable package.json is left out.
/// </summary>
internal static class RevisionReader
{
    public static SiteRevision? Read(PackageRevision revision)
    {
        revision = revision.Load();
        var problems = new List<string>();
        if (revision.PackageJson is not { Loaded: true } packageFile) return null;
        using var package = JsonRead.TryParse(packageFile.Content, KnownFiles.Package, problems);
        if (package is null || package.RootElement.ValueKind != JsonValueKind.Object) return null;
        var root = package.RootElement;

        var site = new SiteRevision
        {
            Name = revision.Name,
            ReleaseVersion = revision.ReleaseVersion,
            Version = JsonRead.String(root, "version") ?? "",
            PackagingVersion = JsonRead.String(root, "packagingVersion"),
            MinDcosReleaseVersion = JsonRead.String(root, "minDcosReleaseVersion"),
            Maintainer = JsonRead.String(root, "maintainer"),
            Description = JsonRead.String(root, "description") ?? "",
            Tags = JsonRead.Strings(root, "tags"),
            Website = JsonRead.String(root, "website"),
            Scm = JsonRead.String(root, "scm"),
            Licenses = Licenses(root),
            PreInstallNotes = JsonRead.String(root, "preInstallNotes"),
            PostInstallNotes = JsonRead.String(root, "postInstallNotes"),
            PostUninstallNotes = JsonRead.String(root, "postUninstallNotes"),
            Framework = JsonRead.True(root, "framework"),
            Selected = JsonRead.True(root, "selected"),
            HasKnownIssues = JsonRead.True(root, "hasKnownIssues"),
            LastUpdated = JsonRead.Integer(root, "lastUpdated"),
            UpgradesFrom = JsonRead.Strings(root, "upgradesFrom"),
            DowngradesTo = JsonRead.Strings(root, "downgradesTo"),
            Readme = revision.Readme is { Loaded: true } readme ? JsonRead.Text(readme.Content) : null,
            HasConfig = revision.ConfigJson is not null,
            Descriptors = [.. revision.Descriptors().Where(d => d.File.Loaded).Select(d => new Descriptor(d.File.Name, JsonRead.Text(d.File.Content)))],
        };
        site = WithConfig(site, revision.ConfigJson, problems);
        site = WithResource(site, revision.ResourceJson, problems);
        site = WithCommand(site, revision.CommandJson, problems);
        foreach (var file in revision.Files)
        {
            if (!file.Loaded) problems.Add(file.LoadProblem ?? $"{file.Name} could not be read");
        }
        return site with { Problems = problems };
    }

    private static List<License> Licenses(JsonElement root)
    {
        var licenses = new List<License>();
        if (!root.TryGetProperty("licenses", out var array) || array.ValueKind != JsonValueKind.Array) return licenses;
        foreach (var license in array.EnumerateArray())
        {
            if (JsonRead.String(license, "name") is { } name) licenses.Add(new License(name, JsonRead.String(license, "url")));
        }
        return licenses;
    }

    // Read with the validator's parser: the options table reads the schema as the rules do (OptionTree).
    private static SiteRevision WithConfig(SiteRevision site, RevisionFile? file, List<string> problems)
    {
        if (file is not { Loaded: true }) return site;
        var parsed = JsonParser.Parse(file.Content);
        if (parsed.Root is not { } config)
        {
            problems.Add($"{file.Name} is not valid JSON ({parsed.Problems.FirstOrDefault()?.Message ?? "unreadable"})");
            return site;
        }
        return site with { Options = OptionsTable.Rows(config) };
    }

    private static SiteRevision WithResource(SiteRevision site, RevisionFile? file, List<string> problems)
    {
        if (file is not { Loaded: true }) return site;
        using var resource = JsonRead.TryParse(file.Content, file.Name, problems);
        if (resource is null) return site;
        var root = resource.RootElement;
        var assets = JsonRead.Object(root, "assets");
        return site with
        {
            Images = Named(JsonRead.Object(root, "images")),
            AssetUris = assets is { } a ? Named(JsonRead.Object(a, "uris")) : [],
            DockerImages = assets is { } d ? Named(JsonRead.Object(d, "container") is { } c ? JsonRead.Object(c, "docker") : null) : [],
            CliBinaries = CliBinaries(root),
        };
    }

    private static List<CliBinary> CliBinaries(JsonElement root)
    {
        var binaries = new List<CliBinary>();
        if (JsonRead.Object(root, "cli") is not { } cli || JsonRead.Object(cli, "binaries") is not { } platforms) return binaries;
        foreach (var platform in platforms.EnumerateObject())
        {
            if (platform.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var arch in platform.Value.EnumerateObject())
            {
                var binary = arch.Value;
                if (JsonRead.String(binary, "url") is not { } url) continue;
                binaries.Add(new CliBinary(platform.Name, arch.Name, JsonRead.String(binary, "kind") ?? "", url, Sha256(binary)));
            }
        }
        return binaries;
    }

    private static string? Sha256(JsonElement binary)
    {
        if (!binary.TryGetProperty("contentHash", out var hashes) || hashes.ValueKind != JsonValueKind.Array) return null;
        foreach (var hash in hashes.EnumerateArray())
        {
            if (JsonRead.String(hash, "algo") == "sha256") return JsonRead.String(hash, "value");
        }
        return null;
    }

    private static SiteRevision WithCommand(SiteRevision site, RevisionFile? file, List<string> problems)
    {
        if (file is not { Loaded: true }) return site;
        using var command = JsonRead.TryParse(file.Content, file.Name, problems);
        return command is null ? site : site with { PipRequirements = JsonRead.Strings(command.RootElement, "pip") };
    }

    private static List<NamedValue> Named(JsonElement? map)
    {
        var values = new List<NamedValue>();
        if (map is not { } element) return values;
        foreach (var member in element.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.String) values.Add(new NamedValue(member.Name, member.Value.GetString()!));
        }
        return values;
    }
}
