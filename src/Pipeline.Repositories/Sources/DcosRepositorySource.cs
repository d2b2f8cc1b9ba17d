using System.Text.Json.Nodes;
using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages;
using Pipeline.Packages.Documents;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// A DC/OS repository file (<c>universe.json</c>, <c>repo-up-to-*.json</c>; repository versions
/// v3, v4 and v5): <c>{"packages": [ {name, version, releaseVersion, packagingVersion, config,
/// resource, marathon: {v2AppMustacheTemplate: base64}, …} ]}</c>. Everything is in the one file.
/// </summary>
public sealed class DcosRepositorySource : IPackageSource
{
    private const string MediaTypePrefix = "application/vnd.dcos.universe.repo+json";
    private static readonly string[] SupportedVersions = ["v3", "v4", "v5"];
    private static readonly string[] Parts = ["config", "resource", "marathon", "command", "releaseVersion"];

    private readonly Dictionary<(string Name, string Version), JsonObject> _packages = [];
    private readonly IReadOnlyList<PackageSummary> _summaries;

    /// <param name="document">The repository file, already fetched.</param>
    /// <param name="mediaType">The media type the server gave, checked when it is a DC/OS one.</param>
    public DcosRepositorySource(string location, JsonObject document, string? mediaType)
    {
        Location = location;
        if (RepositoryVersion(mediaType) is { } version && !SupportedVersions.Contains(version))
        {
            throw new SourceUnavailableException($"{location}: DC/OS repository version {version} is not supported (v3, v4 and v5 are)");
        }
        var summaries = new List<PackageSummary>();
        foreach (var package in (document["packages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (PackageFacts.String(package, "name") is not { } name || PackageFacts.String(package, "version") is not { } number) continue;
            _packages[(name, number)] = package;
            summaries.Add(PackageFacts.Summarize(package, name, number, PackageFacts.Integer(package, PackageFields.ReleaseVersion) ?? 0));
        }
        _summaries = summaries;
    }

    public string Location { get; }

    /// <summary>A DC/OS repository is an object whose <c>packages</c> are package objects with a <c>packagingVersion</c>.</summary>
    public static bool Recognizes(JsonObject document) =>
        document["packages"] is JsonArray packages && packages.All(p => p is JsonObject o && o["versions"] is null);

    /// <summary>The <c>version</c> parameter of a DC/OS repository media type, or null for any other type.</summary>
    public static string? RepositoryVersion(string? mediaType)
    {
        if (mediaType is null || !mediaType.StartsWith(MediaTypePrefix, StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var parameter in mediaType.Split(';').Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("version", StringComparison.OrdinalIgnoreCase)) return pair[1].Trim().Trim('"');
        }
        return null;
    }

    public Task<IReadOnlyList<PackageSummary>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(_summaries);

    public Task<PackageDefinition?> GetAsync(string name, string version, CancellationToken cancellationToken = default) =>
        Task.FromResult(_packages.TryGetValue((name, version), out var package) ? Define(name, version, package) : null);

    private PackageDefinition Define(string name, string version, JsonObject package)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in package)
        {
            if (!Parts.Contains(key)) metadata[key] = value?.DeepClone();
        }
        var descriptors = new List<DescriptorTemplate>();
        if (PackageFacts.String(PackageFacts.Object(package, "marathon"), "v2AppMustacheTemplate") is { } encoded)
        {
            descriptors.Add(new DescriptorTemplate(new DescriptorName("marathon", "json"), Decode(encoded, name, version)));
        }
        return new PackageDefinition(
            name,
            version,
            PackageFacts.Integer(package, PackageFields.ReleaseVersion) ?? 0,
            PackageFacts.String(package, PackageFields.PackagingVersion),
            metadata,
            PackageFacts.Object(package, "config")?.DeepClone() as JsonObject,
            PackageFacts.Object(package, "resource")?.DeepClone() as JsonObject,
            PackageFacts.Object(package, "command")?.DeepClone() as JsonObject,
            descriptors);
    }

    private string Decode(string base64, string name, string version)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException e)
        {
            throw new SourceUnavailableException($"{Location}: {name} {version}: marathon.v2AppMustacheTemplate is not base64", e);
        }
    }
}
