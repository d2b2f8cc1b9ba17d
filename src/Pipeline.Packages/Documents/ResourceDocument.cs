using Pipeline.Json.Dom;

namespace Pipeline.Packages.Documents;

/// <summary>
/// resource.json as its readers see it: images, assets and CLI binaries, members of the wrong kind
/// left out. <see cref="Root"/> keeps the document for positions and for template rendering.
/// </summary>
public sealed class ResourceDocument(JsonDatum root)
{
    public JsonDatum Root { get; } = root;

    /// <summary>Whether it declares <c>cli</c> at all, whatever its shape: the revision then ships a CLI.</summary>
    public bool DeclaresCli => Root[ResourceFields.Cli] is not null;

    public IReadOnlyList<NamedString> Images => DatumRead.NamedStrings(DatumRead.Object(Root, ResourceFields.Images));

    public IReadOnlyList<NamedString> AssetUris => DatumRead.NamedStrings(DatumRead.Object(DatumRead.Object(Root, ResourceFields.Assets), ResourceFields.Uris));

    public IReadOnlyList<NamedString> DockerImages =>
        DatumRead.NamedStrings(DatumRead.Object(DatumRead.Object(DatumRead.Object(Root, ResourceFields.Assets), ResourceFields.Container), ResourceFields.Docker));

    /// <summary>Every binary with a URL, platform by platform in document order.</summary>
    public IReadOnlyList<CliBinaryEntry> CliBinaries
    {
        get
        {
            if (DatumRead.Object(DatumRead.Object(Root, ResourceFields.Cli), ResourceFields.Binaries) is not { } platforms) return [];
            var binaries = new List<CliBinaryEntry>();
            foreach (var platform in platforms.Properties)
            {
                if (platform.Value.Kind != JsonKind.Object) continue;
                foreach (var architecture in platform.Value.Properties)
                {
                    var binary = architecture.Value;
                    if (DatumRead.String(binary, ResourceFields.Url) is not { } url) continue;
                    binaries.Add(new CliBinaryEntry(platform.Name, architecture.Name, DatumRead.String(binary, ResourceFields.Kind) ?? "", url, Sha256(binary)));
                }
            }
            return binaries;
        }
    }

    private static string? Sha256(JsonDatum binary)
    {
        if (binary[ResourceFields.ContentHash] is not { Kind: JsonKind.Array } hashes) return null;
        foreach (var hash in hashes.Items)
        {
            if (DatumRead.String(hash, ResourceFields.Algorithm) == ResourceFields.Sha256) return DatumRead.String(hash, ResourceFields.Value);
        }
        return null;
    }
}
