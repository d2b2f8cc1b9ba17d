using System.Globalization;
using Pipeline.Json.Dom;

namespace Pipeline.Packages.Documents;

/// <summary>Tolerant accessors over a parsed document: a member of the wrong kind reads as absent.</summary>
internal static class DatumRead
{
    public static string? String(JsonDatum? obj, string name) => obj?[name] is { Kind: JsonKind.String } value ? value.String : null;

    public static bool True(JsonDatum? obj, string name) => obj?[name] is { Kind: JsonKind.Boolean, Boolean: true };

    public static JsonDatum? Object(JsonDatum? obj, string name) => obj?[name] is { Kind: JsonKind.Object } value ? value : null;

    /// <summary>An integer written without fraction or exponent that fits 64 bits, else null.</summary>
    public static long? Integer(JsonDatum? obj, string name) =>
        obj?[name] is { Kind: JsonKind.Number, NumberText: { } text }
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The strings of an array member, skipping items of other kinds; empty when absent.</summary>
    public static IReadOnlyList<string> Strings(JsonDatum? obj, string name)
    {
        if (obj?[name] is not { Kind: JsonKind.Array } array) return [];
        var strings = new List<string>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (item.String is { } text) strings.Add(text);
        }
        return strings;
    }

    /// <summary>The string members of an object member, in document order; empty when absent.</summary>
    public static IReadOnlyList<NamedString> NamedStrings(JsonDatum? map)
    {
        if (map is not { Kind: JsonKind.Object }) return [];
        var values = new List<NamedString>();
        foreach (var property in map.Properties)
        {
            if (property.Value.String is { } text) values.Add(new NamedString(property.Name, text));
        }
        return values;
    }
}
