using System.Text.Json.Nodes;

namespace Pipeline.Json.Nodes;

/// <summary>
/// Cosmos's merge of option documents: objects merge key by key, recursively; any other value
/// replaces. One implementation for the validator's render context and for `universe render`.
/// </summary>
public static class JsonMerge
{
    /// <summary>Merges <paramref name="fragment"/> into <paramref name="target"/>, moving its nodes (the fragment is emptied).</summary>
    public static void Into(JsonObject target, JsonObject fragment)
    {
        foreach (var (key, value) in fragment.ToArray())
        {
            fragment.Remove(key);
            if (target[key] is JsonObject existing && value is JsonObject incoming) Into(existing, incoming);
            else target[key] = value;
        }
    }

    /// <summary>A new document: <paramref name="target"/> with <paramref name="fragment"/> merged over it; neither input changes.</summary>
    public static JsonObject Merge(JsonObject target, JsonObject fragment)
    {
        var result = (JsonObject)target.DeepClone();
        Into(result, (JsonObject)fragment.DeepClone());
        return result;
    }
}
