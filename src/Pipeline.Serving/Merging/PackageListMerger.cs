using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Serving.Merging;

/// <summary>
/// Merges documents that list packages under <c>"packages"</c> (our index.json, a DC/OS
/// repository file): the local document's packages first, then each upstream's in priority order,
/// an upstream package only when the allow-list allows it and no earlier document named it. The
/// rest of the document is the local one's, else <paramref name="emptyDocument"/>'s. An upstream
/// document that is not such a JSON object is left out. Packages are copied from the parsed
/// documents as they are, never built into a tree of nodes: a public universe's file is 25 MB.
/// </summary>
internal static class PackageListMerger
{
    public static byte[] Merge(byte[]? local, IReadOnlyList<byte[]> upstreams, AllowList allow, Func<JsonObject> emptyDocument)
    {
        // Nothing to merge: the local file as built, byte for byte.
        if (local is not null && upstreams.Count == 0) return local;
        var documents = new List<JsonDocument>(upstreams.Count + 1);
        try
        {
            var root = (local is null ? null : Parse(local, documents)) ?? Parse(Encoding.UTF8.GetBytes(emptyDocument().ToJsonString()), documents)!.Value;
            var sources = upstreams.Select(u => Parse(u, documents)).OfType<JsonElement>().ToList();
            using var buffer = new MemoryStream(upstreams.Sum(u => u.Length) + (local?.Length ?? 0) + 1024);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                var wrote = false;
                foreach (var member in root.EnumerateObject())
                {
                    if (!member.NameEquals("packages"u8)) member.WriteTo(writer);
                    else if (!wrote) wrote = WritePackages(writer, member.Value, sources, allow);
                }
                if (!wrote) WritePackages(writer, default, sources, allow);
                writer.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }
        finally
        {
            foreach (var document in documents) document.Dispose();
        }
    }

    private static bool WritePackages(Utf8JsonWriter writer, JsonElement local, List<JsonElement> upstreams, AllowList allow)
    {
        writer.WriteStartArray("packages");
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (local.ValueKind == JsonValueKind.Array)
        {
            foreach (var package in local.EnumerateArray())
            {
                if (NameOf(package) is { } name) names.Add(name);
                Copy(writer, package);
            }
        }
        foreach (var upstream in upstreams)
        {
            if (!upstream.TryGetProperty("packages"u8, out var listed) || listed.ValueKind != JsonValueKind.Array) continue;
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var package in listed.EnumerateArray())
            {
                // A DC/OS repository lists one object per revision, so a name repeats within one upstream.
                if (NameOf(package) is not { } name || !allow.Allows(name) || (names.Contains(name) && !taken.Contains(name))) continue;
                taken.Add(name);
                Copy(writer, package);
            }
            names.UnionWith(taken);
        }
        writer.WriteEndArray();
        return true;
    }

    /// <summary>A package as its document spells it: already checked by the parser, so copied without writing it again.</summary>
    private static void Copy(Utf8JsonWriter writer, JsonElement package) =>
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(package), skipInputValidation: true);

    /// <summary>The document's root object (its document kept for disposal), or null when it is not a JSON object.</summary>
    private static JsonElement? Parse(byte[] content, List<JsonDocument> documents)
    {
        try
        {
            var document = JsonDocument.Parse(content);
            documents.Add(document);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NameOf(JsonElement package) =>
        package.ValueKind == JsonValueKind.Object && package.TryGetProperty("name"u8, out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
}
