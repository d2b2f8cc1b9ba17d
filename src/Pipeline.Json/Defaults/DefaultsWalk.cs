using System.Text.Json.Nodes;

namespace Pipeline.Json;

/// <summary>The walk behind <see cref="OptionDefaults"/>, down a config schema's <c>properties</c>.</summary>
internal sealed class DefaultsWalk(bool placeholders)
{
    /// <summary>Deeper than any real config schema; keeps a hostile one from exhausting the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The value a property schema contributes, if any (a JSON null is a value).</summary>
    public (bool Present, JsonNode? Value) ValueOf(JsonValue schema, int depth)
    {
        schema = SchemaReferences.Follow(schema);
        if (depth > MaxDepth || schema.Kind != JsonKind.Object) return (false, null);

        var hasDefaults = false;
        var nested = Describes(schema, "object") ? Members(schema, depth, out hasDefaults) : null;
        if (schema.TryGet("default", out var explicitDefault))
        {
            var value = explicitDefault.ToJsonNode();
            if (value is JsonObject baseObject && nested is not null) FillMissing(baseObject, nested);
            return (true, value);
        }

        // Placeholders alone do not bring an optional object into being; defaults do.
        return hasDefaults ? (true, nested) : (false, null);
    }

    /// <summary>The values of an object schema's properties (and placeholders for required ones when asked).</summary>
    public JsonObject Members(JsonValue schema, int depth) => Members(schema, depth, out _);

    private JsonObject Members(JsonValue schema, int depth, out bool hasDefaults)
    {
        hasDefaults = false;
        var members = new JsonObject();
        schema = SchemaReferences.Follow(schema);
        if (depth > MaxDepth || schema["properties"] is not { Kind: JsonKind.Object } properties) return members;

        var required = schema["required"] is { Kind: JsonKind.Array } names
            ? names.Items.Where(n => n.Kind == JsonKind.String).Select(n => n.String!).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.Properties)
        {
            var (present, value) = ValueOf(property.Value, depth + 1);
            if (present)
            {
                hasDefaults = true;
                members[property.Name] = value;
            }
            else if (placeholders && (required.Contains(property.Name) || IsRequiredDraft3(property.Value)))
            {
                members[property.Name] = Placeholders.For(SchemaReferences.Follow(property.Value), schema => Members(schema, depth + 1));
            }
        }
        return members;
    }

    /// <summary>Whether the schema says its value is of this type (or, untyped, has properties for "object").</summary>
    public static bool Describes(JsonValue schema, string type) => schema["type"] switch
    {
        { Kind: JsonKind.String } one => one.String == type,
        { Kind: JsonKind.Array } several => several.Items.Any(t => t.String == type),
        null => type == "object" && schema["properties"] is { Kind: JsonKind.Object },
        _ => false,
    };

    // Draft 3 marked a property required on the property itself.
    private static bool IsRequiredDraft3(JsonValue schema) => schema["required"] is { Kind: JsonKind.Boolean, Boolean: true };

    /// <summary>Adds to <paramref name="target"/> every key of <paramref name="defaults"/> it lacks, recursively.</summary>
    private static void FillMissing(JsonObject target, JsonObject defaults)
    {
        var pending = new Stack<(JsonObject Target, JsonObject Defaults)>();
        pending.Push((target, defaults));
        while (pending.Count > 0)
        {
            var (into, from) = pending.Pop();
            foreach (var (key, value) in from)
            {
                if (!into.TryGetPropertyValue(key, out var existing)) into[key] = value?.DeepClone();
                else if (existing is JsonObject existingObject && value is JsonObject valueObject) pending.Push((existingObject, valueObject));
            }
        }
    }
}
