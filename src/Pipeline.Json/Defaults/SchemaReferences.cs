namespace Pipeline.Json;

/// <summary>Follows local <c>$ref</c>s in a config schema (a few hops at most; cycles just stop).</summary>
internal static class SchemaReferences
{
    private const int MaxHops = 16;

    public static JsonValue Follow(JsonValue schema)
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
    private static JsonValue ScopeOf(JsonValue schema)
    {
        var scope = schema;
        for (var value = schema.Parent; value is not null; value = value.Parent)
        {
            scope = value;
            if (value.Parent is not null && SchemaPositions.Id(value) is { } id && !id.StartsWith('#')) return value;
        }
        return scope;
    }
}
