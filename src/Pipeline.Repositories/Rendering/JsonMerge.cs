using System.Text.Json.Nodes;

namespace Pipeline.Repositories.Rendering;

/// <summary>Cosmos's merge: objects merge key by key, recursively; any other value replaces. Neither input is changed.</summary>
public static class JsonMerge
{
    public static JsonObject Merge(JsonObject target, JsonObject fragment)
    {
        var result = (JsonObject)target.DeepClone();
        Into(result, fragment);
        return result;
    }

    private static void Into(JsonObject target, JsonObject fragment)
    {
        foreach (var (key, value) in fragment)
        {
            if (target[key] is JsonObject existing && value is JsonObject incoming) Into(existing, incoming);
            else target[key] = value?.DeepClone();
        }
    }
}
