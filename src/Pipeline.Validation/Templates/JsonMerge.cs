using System.Text.Json.Nodes;

namespace Pipeline.Validation.Templates;

/// <summary>Cosmos's merge: objects merge key by key, recursively; any other value replaces.</summary>
public static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject fragment)
    {
        foreach (var (key, value) in fragment.ToArray())
        {
            fragment.Remove(key);
            if (target[key] is JsonObject existing && value is JsonObject incoming)
            {
                Into(existing, incoming);
            }
            else
            {
                target[key] = value;
            }
        }
    }
}
