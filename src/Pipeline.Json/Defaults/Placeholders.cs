using System.Text.Json.Nodes;

namespace Pipeline.Json;

/// <summary>
/// Stand-ins for required options without a default: the first <c>enum</c> value when there is one,
/// else by declared type: string "placeholder", integer/number the minimum (0 without one), boolean
/// false, array [], object {} with its own members filled; untyped "placeholder".
/// </summary>
internal static class Placeholders
{
    public const string Text = "placeholder";

    public static JsonNode? For(JsonValue schema, Func<JsonValue, JsonObject> members)
    {
        if (schema.Kind != JsonKind.Object) return Text;
        if (schema["enum"] is { Kind: JsonKind.Array, Items.Count: > 0 } allowed) return allowed.Items[0].ToJsonNode();
        return DeclaredType(schema) switch
        {
            "string" => Text,
            "integer" or "number" => schema["minimum"] is { Kind: JsonKind.Number } minimum ? minimum.ToJsonNode() : 0,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" => members(schema),
            "null" => null,
            _ => DefaultsWalk.Describes(schema, "object") ? members(schema) : Text,
        };
    }

    /// <summary>The type name, or the first non-null one of a list.</summary>
    private static string? DeclaredType(JsonValue schema) => schema["type"] switch
    {
        { Kind: JsonKind.String } one => one.String,
        { Kind: JsonKind.Array } several => several.Items.Select(t => t.String).FirstOrDefault(t => t is not null and not "null")
            ?? several.Items.Select(t => t.String).FirstOrDefault(),
        _ => null,
    };
}
