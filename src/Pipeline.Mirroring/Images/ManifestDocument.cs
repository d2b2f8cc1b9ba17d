using System.Text.Json.Nodes;
using JsonParser = Pipeline.Json.Parsing.JsonParser;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// A manifest as fetched: its exact bytes (what the digest is of) and what it points at, either an
/// index's per-platform manifests or an image's config and layers. Docker schema 1 is not read.
/// </summary>
public sealed record ManifestDocument(string MediaType, ReadOnlyMemory<byte> Content, ImageDigest Digest,
    IReadOnlyList<ContentDescriptor> Children, IReadOnlyList<ContentDescriptor> Blobs)
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    public static readonly IReadOnlyList<string> Accepted = [OciIndex, DockerList, OciManifest, DockerManifest];

    public bool IsIndex => MediaType is OciIndex or DockerList;

    /// <summary>Reads <paramref name="content"/>; the media type is the document's own, else <paramref name="served"/>. Null with <paramref name="problem"/> when it is not a manifest this copies.</summary>
    public static ManifestDocument? Read(ReadOnlyMemory<byte> content, string? served, out string? problem)
    {
        problem = null;
        if (JsonParser.Parse(content).Root?.ToJsonNode() is not JsonObject root)
        {
            problem = "the manifest is not a JSON object";
            return null;
        }
        // A document without its own mediaType is known by the Content-Type, else (served as plain JSON) by its shape.
        var mediaType = root["mediaType"] is JsonValue v && v.TryGetValue(out string? declared) ? declared : Accepted.Contains(served) ? served : null;
        if (mediaType is null && root["manifests"] is JsonArray) mediaType = OciIndex;
        if (mediaType is null && root["config"] is JsonObject) mediaType = OciManifest;
        if (mediaType is null || !Accepted.Contains(mediaType))
        {
            problem = $"the manifest's media type `{mediaType ?? "(none)"}` is not an image index or an OCI / Docker schema 2 manifest";
            return null;
        }
        var digest = ImageDigest.Of(content.Span);
        if (mediaType is OciIndex or DockerList)
        {
            var children = Descriptors(root["manifests"] as JsonArray, out problem);
            return children is null ? null : new ManifestDocument(mediaType, content, digest, children, []);
        }
        var config = ContentDescriptor.Read(root["config"]);
        var layers = Descriptors(root["layers"] as JsonArray, out problem);
        if (config is null || layers is null)
        {
            problem ??= "the manifest has no valid config descriptor";
            return null;
        }
        return new ManifestDocument(mediaType, content, digest, [], [config, .. layers]);
    }

    private static List<ContentDescriptor>? Descriptors(JsonArray? array, out string? problem)
    {
        problem = null;
        var list = new List<ContentDescriptor>();
        foreach (var node in array ?? [])
        {
            if (ContentDescriptor.Read(node) is not { } descriptor)
            {
                problem = "the manifest has an entry without a media type, a sha256 digest and a size";
                return null;
            }
            list.Add(descriptor);
        }
        if (array is null) problem = "the manifest has no list of manifests or layers";
        return array is null ? null : list;
    }
}
