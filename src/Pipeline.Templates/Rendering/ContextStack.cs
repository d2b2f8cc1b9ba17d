using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// The values sections have entered, innermost last, against which tag names are resolved.
/// </summary>
internal sealed class ContextStack
{
    private readonly List<JsonNode?> _items = [];

    // The objects among the items: only they can hold names, so lookups skip lists' scalars.
    private readonly List<JsonObject> _scopes = [];

    public ContextStack(JsonNode? root) => Push(Normalize(root));

    public JsonNode? Top => _items[^1];

    public void Push(JsonNode? value)
    {
        _items.Add(value);
        if (value is JsonObject scope) _scopes.Add(scope);
    }

    public void Pop()
    {
        if (_items[^1] is JsonObject) _scopes.RemoveAt(_scopes.Count - 1);
        _items.RemoveAt(_items.Count - 1);
    }

    public void ReplaceTop(JsonNode? value)
    {
        Pop();
        Push(value);
    }

    /// <summary>
    /// The value a name denotes; null when missing or JSON null, which render alike. Each object
    /// from the innermost outwards is asked for the whole name, then for its first segment; the
    /// first that answers decides, and the remaining segments are looked up inside its value only.
    /// </summary>
    public JsonNode? Resolve(NamePath name)
    {
        if (name.IsCurrent) return Top;

        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            var scope = _scopes[i];
            // A key present with a null value still ends the search, as in mustache.java.
            if (scope.TryGetPropertyValue(name.Full, out var whole)) return Normalize(whole);
            if (name.IsDotted && scope.TryGetPropertyValue(name.Segments[0], out var first)) return Descend(first, name.Segments);
        }
        return null;
    }

    private static JsonNode? Descend(JsonNode? value, string[] segments)
    {
        for (var i = 1; i < segments.Length; i++)
        {
            if (Normalize(value) is not JsonObject inner || !inner.TryGetPropertyValue(segments[i], out value)) return null;
        }
        return Normalize(value);
    }

    /// <summary>A JsonValue wrapping a JSON object or array becomes a real JsonObject or JsonArray, so it can be entered.</summary>
    public static JsonNode? Normalize(JsonNode? value)
    {
        if (value is not JsonValue wrapped) return value;
        var kind = wrapped.GetValueKind();
        if (kind is not (JsonValueKind.Object or JsonValueKind.Array)) return value;
        if (!wrapped.TryGetValue<JsonElement>(out var element)) return JsonNode.Parse(wrapped.ToJsonString());
        return kind == JsonValueKind.Object ? JsonObject.Create(element) : JsonArray.Create(element);
    }
}
