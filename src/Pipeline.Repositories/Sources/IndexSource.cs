using System.Text.Json.Nodes;
using Pipeline.Packages.Model;
using Pipeline.Packages;
using Pipeline.Packages.Documents;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// A published build of ours: the condensed <c>index.json</c> lists every version; a version in
/// full comes from <c>package/&lt;name&gt;.json</c> beside it, fetched once per package.
/// </summary>
public sealed class IndexSource : IPackageSource
{
    private readonly Uri _index;
    private readonly ContentFetcher _fetcher;
    private readonly IReadOnlyList<PackageSummary> _summaries;
    private readonly Dictionary<string, JsonObject?> _documents = new(StringComparer.Ordinal);

    /// <param name="document">The index, already fetched from <paramref name="index"/>.</param>
    public IndexSource(string location, Uri index, JsonObject document, ContentFetcher fetcher)
    {
        Location = location;
        _index = index;
        _fetcher = fetcher;
        _summaries = Summaries(document);
    }

    public string Location { get; }

    /// <summary>Our index names its format version and lists versions under each package.</summary>
    public static bool Recognizes(JsonObject document) =>
        document["formatVersion"] is JsonValue && document["packages"] is JsonArray packages
        && packages.All(p => p is JsonObject o && o["versions"] is JsonArray);

    public Task<IReadOnlyList<PackageSummary>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(_summaries);

    public async Task<PackageDefinition?> GetAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        if (!_summaries.Any(s => s.Name == name && s.Version == version)) return null;
        if (!_documents.TryGetValue(name, out var document))
        {
            var address = new Uri(_index, $"package/{Uri.EscapeDataString(name)}.json");
            var fetched = await _fetcher.FetchAsync(address, cancellationToken).ConfigureAwait(false);
            document = PackageFacts.TryParse(fetched.Content) as JsonObject
                ?? throw new SourceUnavailableException($"{address}: not a JSON object");
            _documents[name] = document;
        }
        var revision = (document?["revisions"] as JsonArray)?.OfType<JsonObject>()
            .Where(r => PackageFacts.String(r, "version") == version)
            .MaxBy(r => PackageFacts.Integer(r, "revision") ?? -1);
        return revision is null ? null : Define(name, version, revision);
    }

    private static PackageDefinition Define(string name, string version, JsonObject revision)
    {
        var descriptors = new List<DescriptorTemplate>();
        foreach (var descriptor in (revision["descriptors"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (PackageFacts.String(descriptor, "file") is { } file && DescriptorName.TryParse(file, out var descriptorName)
                && PackageFacts.String(descriptor, "template") is { } template)
            {
                descriptors.Add(new DescriptorTemplate(descriptorName, template));
            }
        }
        return new PackageDefinition(
            name,
            version,
            PackageFacts.Integer(revision, "revision") ?? 0,
            PackageFacts.String(revision, PackageFields.PackagingVersion),
            Clone(revision["package"]) ?? [],
            Clone(revision["config"]),
            Clone(revision["resource"]),
            Clone(revision["command"]),
            descriptors);
    }

    private static JsonObject? Clone(JsonNode? node) => node is JsonObject obj ? (JsonObject)obj.DeepClone() : null;

    private static PackageSummary[] Summaries(JsonObject document)
    {
        var summaries = new List<PackageSummary>();
        foreach (var package in (document["packages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (PackageFacts.String(package, PackageFields.Name) is not { } name) continue;
            foreach (var version in (package["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (PackageFacts.String(version, PackageFields.Version) is not { } number) continue;
                var facts = PackageFacts.Summarize(package, name, number, PackageFacts.Integer(version, "revision") ?? 0);
                summaries.Add(facts with { PackagingVersion = PackageFacts.String(version, PackageFields.PackagingVersion) });
            }
        }
        return [.. summaries];
    }
}
