using System.Globalization;
using System.Text;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Validation;

/// <summary>The phrases error messages are built from, so every message names things the same way.</summary>
internal static class Wording
{
    /// <summary>
    /// How a value is named at the start of a message: "`tags`", "`tags[0]`", "the document"; past a
    /// few levels of arrays only the innermost indexes are shown ("`m[…][1][2][3][4]`").
    /// </summary>
    public static string Name(JsonDatum value)
    {
        const int ShownIndexes = 4;
        var indexes = new List<int>();
        var current = value;
        while (current.Parent is { Kind: JsonKind.Array } array)
        {
            indexes.Add(current.Index);
            current = array;
        }
        var suffix = new StringBuilder();
        if (indexes.Count > ShownIndexes) suffix.Append("[…]");
        for (var i = Math.Min(indexes.Count, ShownIndexes) - 1; i >= 0; i--) suffix.Append(CultureInfo.InvariantCulture, $"[{indexes[i]}]");
        if (current.Parent is null) return indexes.Count == 0 ? "the document" : $"`{suffix}`";
        return $"`{current.PropertyName}{suffix}`";
    }

    /// <summary>The last segment of the value's pointer; null at the root.</summary>
    public static string? Field(JsonDatum value) => value.Parent is null ? null : value.Segment;

    public static string Actual(JsonDatum value) => value.Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        _ => "null",
    };

    public static string TypeName(string type) => type switch
    {
        "object" or "array" or "integer" => $"an {type}",
        "null" => "null",
        _ => $"a {type}",
    };

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> phrases, string separator = " or ") => phrases.Count switch
    {
        0 => "",
        1 => phrases[0],
        _ => string.Join(", ", phrases.Take(phrases.Count - 1)) + separator + phrases[^1],
    };

    public static string TypeMismatch(JsonDatum value, IReadOnlyList<string> types)
    {
        var actual = value.Kind == JsonKind.Number && !value.IsInteger && types.Contains("integer")
            ? $"a fractional number ({value.NumberText})"
            : Actual(value);
        return $"{Name(value)} must be {Alternatives([.. types.Select(TypeName)])}, not {actual}";
    }

    /// <summary>"must be "a"" or "must be one of "a", "b"" from values already rendered as JSON.</summary>
    public static string OneOf(JsonDatum value, IReadOnlyList<string> allowed) =>
        allowed.Count == 1 ? $"{Name(value)} must be {allowed[0]}" : $"{Name(value)} must be one of {List(allowed)}";

    /// <summary>Rendered values joined by ", ", cut after a dozen.</summary>
    public static string List(IReadOnlyList<string> values)
    {
        const int Shown = 12;
        if (values.Count <= Shown) return string.Join(", ", values);
        return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", values.Take(Shown))}, … ({values.Count - Shown} more)");
    }

    public static string Count(long count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    public static string Value(JsonDatum value) => Shortened(JsonText.Compact(value));

    /// <summary>
    /// Schema and instance text quoted in a message, cut to <see cref="MaxQuoted"/> characters: a
    /// package's pattern or value may be megabytes, a message stays a line.
    /// </summary>
    public static string Shortened(string text) =>
        text.Length <= MaxQuoted ? text
            : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[MaxQuoted - 2]) ? MaxQuoted - 2 : MaxQuoted - 1), "…");

    public const int MaxQuoted = 120;

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string All(IReadOnlyList<string> phrases) => Alternatives(phrases, " and ");
}
