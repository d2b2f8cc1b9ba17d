namespace Pipeline.Json;

/// <summary>Follows local <c>$ref</c>s in a config schema (a few hops at most; cycles just stop).</summary>
internal static class SchemaReferences
{
    private const int MaxHops = 16;

    public static JsonValue Follow(JsonValue schema)
    {
        for (var hop = 0; hop < MaxHops && schema["$ref"] is { Kind: JsonKind.String, String: ['#', ..] reference }; hop++)
        {
            var root = schema;
            while (root.Parent is not null) root = root.Parent;
            if (root.Resolve(reference) is not { } target) break;
            schema = target;
        }
        return schema;
    }
}
