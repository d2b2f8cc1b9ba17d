using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Serving.Upstreams;

/// <summary>The package names a document listing <c>packages</c> (an index.json) holds, read once per fetched copy.</summary>
internal static class UpstreamIndex
{
    private static readonly ConditionalWeakTable<byte[], HashSet<string>> s_names = [];

    public static IReadOnlySet<string> Names(byte[] index) => s_names.GetValue(index, Read);

    private static HashSet<string> Read(byte[] index)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var package in (JsonNode.Parse(index)?["packages"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (package["name"] is JsonValue value && value.TryGetValue<string>(out var name)) names.Add(name);
            }
        }
        catch (JsonException)
        {
            // Not JSON: it lists nothing.
        }
        return names;
    }
}
