using System.Text.Json.Nodes;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// One downloadable URL in a resource.json (an image, an <c>assets.uris</c> entry or a CLI
/// binary) with the digest resource.json gives for it, and where in the document it sits so it
/// can be rewritten.
/// </summary>
public sealed class ResourceAsset
{
    private readonly JsonNode _parent;
    private readonly string? _key;
    private readonly int _index;

    private ResourceAsset(string pointer, Uri url, string? sha256, JsonNode parent, string? key, int index)
    {
        Pointer = pointer;
        Url = url;
        Sha256 = sha256;
        _parent = parent;
        _key = key;
        _index = index;
    }

    /// <summary>Where it is, e.g. <c>/assets/uris/collector</c>.</summary>
    public string Pointer { get; }

    public Uri Url { get; }

    /// <summary>The expected SHA-256 (CLI binaries' <c>contentHash</c>), or null when resource.json gives none.</summary>
    public string? Sha256 { get; }

    /// <summary>Points this entry of the document at <paramref name="url"/>.</summary>
    public void Rewrite(Uri url)
    {
        if (_key is not null) _parent[_key] = url.AbsoluteUri;
        else _parent[_index] = url.AbsoluteUri;
    }

    internal static ResourceAsset? At(string pointer, JsonNode parent, string key, string? sha256 = null) =>
        Parse(parent[key]) is { } url ? new ResourceAsset(pointer, url, sha256, parent, key, -1) : null;

    internal static ResourceAsset? At(string pointer, JsonArray parent, int index) =>
        Parse(parent[index]) is { } url ? new ResourceAsset(pointer, url, null, parent, null, index) : null;

    private static Uri? Parse(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
