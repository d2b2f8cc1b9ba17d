using System.Text.Json.Nodes;

namespace Pipeline.Mirroring.Images;

/// <summary>An OCI content descriptor: what a manifest says another piece of content is (media type, digest, size), with the platform of an index's entry.</summary>
public sealed record ContentDescriptor(string MediaType, ImageDigest Digest, long Size, ImagePlatform? Platform = null)
{
    /// <summary>The descriptor in <paramref name="node"/>, or null when it lacks a media type, a sha256 digest or a size of zero or more.</summary>
    public static ContentDescriptor? Read(JsonNode? node)
    {
        if (node is not JsonObject entry) return null;
        var mediaType = Text(entry["mediaType"]);
        var digest = ImageDigest.Parse(Text(entry["digest"]));
        var size = entry["size"] is JsonValue value && value.TryGetValue(out long n) ? n : -1;
        if (mediaType is null || digest is null || size < 0) return null;
        var platform = entry["platform"] is JsonObject p && Text(p["os"]) is { } os && Text(p["architecture"]) is { } architecture
            ? new ImagePlatform(os, architecture, Text(p["variant"]))
            : null;
        return new ContentDescriptor(mediaType, digest, size, platform);
    }

    public JsonObject ToJson() => new() { ["mediaType"] = MediaType, ["digest"] = Digest.ToString(), ["size"] = Size };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
