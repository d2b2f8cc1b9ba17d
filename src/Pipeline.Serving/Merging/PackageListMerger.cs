using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Serving.Merging;

/// <summary>
/// Merges documents that list packages under <c>"packages"</c> (our index.json, a DC/OS
/// repository file): the local document's packages first, then each upstream's in priority order,
/// an upstream package only when the allow-list allows it and no earlier document named it. The
/// rest of the document is the local one's, else <paramref name="emptyDocument"/>'s. An upstream
/// document that is not such a JSON object is left out.
/// </summary>
internal static class PackageListMerger
{
    public static byte[] Merge(byte[]? local, IReadOnlyList<byte[]> upstreams, AllowList allow, Func<JsonObject> emptyDocument)
    {
        // Nothing to merge: the local file as built, byte for byte.
        if (local is not null && upstreams.Count == 0) return local;
        var merged = (local is null ? null : Parse(local)) ?? emptyDocument();
        if (merged["packages"] is not JsonArray packages)
        {
            packages = [];
            merged["packages"] = packages;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in packages) if (NameOf(package) is { } name) names.Add(name);

        foreach (var upstream in upstreams)
        {
            if (Parse(upstream)?["packages"] is not JsonArray listed) continue;
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var items = listed.ToArray();
            listed.Clear();
            foreach (var package in items)
            {
                // A DC/OS repository lists one object per revision, so a name repeats within one upstream.
                if (NameOf(package) is not { } name || !allow.Allows(name) || (names.Contains(name) && !taken.Contains(name))) continue;
                taken.Add(name);
                packages.Add(package);
            }
            names.UnionWith(taken);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            merged.WriteTo(writer);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static JsonObject? Parse(byte[] content)
    {
        try
        {
            return JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NameOf(JsonNode? package) =>
        package is JsonObject o && o["name"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
}
