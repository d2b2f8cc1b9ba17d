using System.Text.Json.Nodes;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Defaults;

/// <summary>
/// Stand-ins for required options without a default: the first <c>enum</c> value when there is one,
/// else by declared type: string "placeholder", integer/number the minimum (0 without one), boolean
/// false, array [], object {} with its own members filled; untyped "placeholder". The keywords are
/// the option's, read through composition (an <c>allOf</c> branch may give the type).
/// </summary>
internal static class Placeholders
{
    public const string Text = "placeholder";

    /// <param name="walk">Builds the members of an object placeholder, at <paramref name="depth"/>.</param>
    public static JsonNode? For(OptionNode option, DefaultsWalk walk, int depth)
    {
        if (option.Keyword("enum") is { Kind: JsonKind.Array, Items.Count: > 0 } allowed) return allowed.Items[0].ToJsonNode();
        return DeclaredType(option.Keyword("type")) switch
        {
            "string" => Text,
            "integer" or "number" => option.Keyword("minimum") is { Kind: JsonKind.Number } minimum ? minimum.ToJsonNode() : 0,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" => walk.Members(option.Declaration, depth, option),
            "null" => null,
            _ => option.HasProperties ? walk.Members(option.Declaration, depth, option) : Text,
        };
    }

    /// <summary>The same from a property schema alone, for a schema that uses no composition.</summary>
    public static JsonNode? For(JsonDatum schema, DefaultsWalk walk, int depth)
    {
        if (schema.Kind != JsonKind.Object) return Text;
        if (schema["enum"] is { Kind: JsonKind.Array, Items.Count: > 0 } allowed) return allowed.Items[0].ToJsonNode();
        return DeclaredType(schema["type"]) switch
        {
            "string" => Text,
            "integer" or "number" => schema["minimum"] is { Kind: JsonKind.Number } minimum ? minimum.ToJsonNode() : 0,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" => walk.Members(schema, depth, null),
            "null" => null,
            _ => DefaultsWalk.Describes(schema, "object") ? walk.Members(schema, depth, null) : Text,
        };
    }

    /// <summary>The type name, or the first non-null one of a list.</summary>
    private static string? DeclaredType(JsonDatum? type) => type switch
    {
        { Kind: JsonKind.String } one => one.String,
        { Kind: JsonKind.Array } several => several.Items.Select(t => t.String).FirstOrDefault(t => t is not null and not "null")
            ?? several.Items.Select(t => t.String).FirstOrDefault(),
        _ => null,
    };
}
