using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// What a value in a schema document is, going down from the root: a schema, an object or array of
/// schemas, or data (an <c>enum</c> value, a <c>default</c>, an unknown keyword's value). Only schemas
/// can carry an <c>id</c>; an "id" in data is just data.
/// </summary>
internal enum SchemaPosition
{
    Data,
    Schema,

    /// <summary>The value of <c>properties</c>, <c>patternProperties</c>, <c>definitions</c> or <c>dependencies</c>: its members are schemas.</summary>
    SchemaMap,

    /// <summary>The value of <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c> or an array <c>items</c>: its items are schemas.</summary>
    SchemaList,
}

internal static class SchemaPositions
{
    /// <summary>What <paramref name="child"/>, a member or item of a value at <paramref name="parent"/>, is.</summary>
    public static SchemaPosition Of(SchemaPosition parent, JsonDatum child) => parent switch
    {
        SchemaPosition.SchemaMap or SchemaPosition.SchemaList => SchemaPosition.Schema,
        SchemaPosition.Schema when child.PropertyName is { } keyword => keyword switch
        {
            "properties" or "patternProperties" or "definitions" or "dependencies" => SchemaPosition.SchemaMap,
            "allOf" or "anyOf" or "oneOf" => SchemaPosition.SchemaList,
            "items" => child.Kind == JsonKind.Array ? SchemaPosition.SchemaList : SchemaPosition.Schema,
            "additionalItems" or "additionalProperties" or "not" => SchemaPosition.Schema,
            _ => SchemaPosition.Data,
        },
        _ => SchemaPosition.Data,
    };

    /// <summary>
    /// The <c>id</c> that changes the resolution scope at <paramref name="schema"/>, if any. Draft 4
    /// ignores every sibling of a <c>$ref</c>, its <c>id</c> too.
    /// </summary>
    public static string? Id(JsonDatum schema) =>
        schema.Kind == JsonKind.Object
        && !schema.TryGet("$ref", out _)
        && (schema["id"] ?? schema["$id"]) is { Kind: JsonKind.String, String: { Length: > 0 } id }
            ? id
            : null;
}
