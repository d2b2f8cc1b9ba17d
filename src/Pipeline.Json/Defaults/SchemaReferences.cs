using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;

namespace Pipeline.Json.Defaults;

/// <summary>Follows local <c>$ref</c>s in a config schema (a few hops at most; cycles just stop).</summary>
internal static class SchemaReferences
{
    private const int MaxHops = 16;

    public static JsonDatum Follow(JsonDatum schema)
    {
        for (var hop = 0; hop < MaxHops && schema["$ref"] is { Kind: JsonKind.String, String: ['#', ..] reference }; hop++)
        {
            if (ScopeOf(schema).Resolve(reference) is not { } target) break;
            schema = target;
        }
        return schema;
    }

    /// <summary>
    /// What a "#…" reference in <paramref name="schema"/> reads from, as the validator does: the nearest
    /// enclosing schema whose <c>id</c> names a location (Draft 4's resolution scope), else the document.
    /// </summary>
    /// <remarks>
    /// Only schemas are asked for an id on the way up: the containers between them (a
    /// <c>properties</c> or <c>definitions</c> map, an <c>allOf</c> list) are not schemas, and a map
    /// of thousands of options would otherwise be searched for "id" at every hop of every climb.
    /// </remarks>
    private static JsonDatum ScopeOf(JsonDatum schema)
    {
        var scope = schema;
        for (var value = schema.Parent; value is not null; value = value.Parent)
        {
            scope = value;
            if (value.Parent is null || IsContainer(value)) continue;
            if (SchemaPositions.Id(value) is { } id && !id.StartsWith('#')) return value;
        }
        return scope;
    }

    /// <summary>
    /// A map or list of schemas: an array, or a keyword's map in a schema. An option that happens to be
    /// named "properties" sits in a map, so it is a schema, not a container.
    /// </summary>
    private static bool IsContainer(JsonDatum value) =>
        value.Kind == JsonKind.Array
        || value.PropertyName is "properties" or "patternProperties" or "definitions" or "dependencies"
           && value.Parent is { } parent && !IsContainer(parent);
}
