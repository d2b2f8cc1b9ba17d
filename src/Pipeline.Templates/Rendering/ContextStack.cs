using System.Runtime.CompilerServices;
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

    /// <summary>Starts over with only <paramref name="root"/>.</summary>
    public void Reset(JsonNode? root)
    {
        _items.Clear();
        _scopes.Clear();
        Push(Normalize(root));
    }

    public JsonNode? Top => _items[^1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(JsonNode? value)
    {
        _items.Add(value);
        if (value is JsonObject scope) _scopes.Add(scope);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonNode? Resolve(NamePath name)
    {
        if (name.IsCurrent) return Top;

        var segments = name.Segments;
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            var scope = _scopes[i];
            // A key present with a null value still ends the search, as in mustache.java.
            if (scope.TryGetPropertyValue(name.Full, out var whole)) return Normalize(whole);
            if (segments.Length > 1 && scope.TryGetPropertyValue(segments[0], out var value))
            {
                for (var s = 1; s < segments.Length; s++)
                {
                    if (Normalize(value) is not JsonObject inner || !inner.TryGetPropertyValue(segments[s], out value)) return null;
                }
                return Normalize(value);
            }
        }
        return null;
    }

    /// <summary>A JsonValue wrapping a JSON object or array becomes a real JsonObject or JsonArray, so it can be entered.</summary>
    // JsonObject and JsonArray are sealed, so testing for them first is cheaper than testing for the abstract JsonValue.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonNode? Normalize(JsonNode? value) =>
        value is null or JsonObject or JsonArray ? value : Unwrap((JsonValue)value);

    private static JsonNode? Unwrap(JsonValue wrapped)
    {
        var kind = wrapped.GetValueKind();
        return kind is JsonValueKind.Object or JsonValueKind.Array ? Container(wrapped, kind) : wrapped;
    }

    private static JsonNode? Container(JsonValue wrapped, JsonValueKind kind)
    {
        if (!wrapped.TryGetValue<JsonElement>(out var element)) return JsonNode.Parse(wrapped.ToJsonString());
        return kind == JsonValueKind.Object ? JsonObject.Create(element) : JsonArray.Create(element);
    }
}
