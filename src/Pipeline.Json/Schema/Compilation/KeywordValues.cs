using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// The shapes keyword values must have. <see cref="SchemaScan"/> reports a value without its shape;
/// <see cref="SchemaCompiler"/> leaves the keyword out. One definition keeps the two in step.
/// </summary>
internal static class KeywordValues
{
    /// <summary><c>minLength</c> and the other size bounds.</summary>
    public static bool IsCount(JsonDatum value) => value is { Kind: JsonKind.Number, IsInteger: true, Number: >= 0 };

    /// <summary><c>required</c>, and the property lists of <c>dependencies</c>.</summary>
    public static bool IsNames(JsonDatum value)
    {
        if (value.Kind != JsonKind.Array) return false;
        foreach (var name in value.ItemArray)
        {
            if (name.Kind != JsonKind.String) return false;
        }
        return true;
    }

    /// <summary><c>enum</c>, <c>allOf</c>, <c>anyOf</c> and <c>oneOf</c>.</summary>
    public static bool IsNonEmptyArray(JsonDatum value) => value.Kind == JsonKind.Array && value.ItemArray.Length > 0;

    /// <summary><c>multipleOf</c>.</summary>
    public static bool IsPositive(JsonDatum value) => value is { Kind: JsonKind.Number, Number: > 0 };

    /// <summary>A bound: a number, or for <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> draft 4's boolean modifier.</summary>
    public static bool IsBound(string keyword, JsonDatum value) => value.Kind == JsonKind.Number || IsModifier(keyword, value);

    /// <summary>Draft 4's <c>"exclusiveMinimum": true</c>: not a bound of its own, it changes its sibling.</summary>
    public static bool IsModifier(string keyword, JsonDatum value) =>
        value.Kind == JsonKind.Boolean && keyword.StartsWith("exclusive", StringComparison.Ordinal);
}
