using System.Text;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Schema.Validation;
using Pipeline.Json;
using Pipeline.Site.Model;

namespace Pipeline.Site.Reading;

/// <summary>
/// The rows of the options table, from a config.json JSON Schema read as the validator reads it
/// (<see cref="OptionTree"/>): every option, nested objects and array items included, in the
/// schema's own order, with options declared in <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branches and
/// <c>$ref</c>'d definitions, and required-ness through them. The default shown is the one Cosmos
/// applies. Bounded in depth and rows so a hostile schema cannot blow up a page.
/// </summary>
internal static class OptionsTable
{
    public const int MaxDepth = 16;
    public const int MaxRows = 2000;

    private static readonly string[] ConstraintKeywords =
        ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "format"];

    public static IReadOnlyList<OptionRow> Rows(OptionTree options)
    {
        var rows = new List<OptionRow>();
        AddMembers(options.Root, "", 0, rows);
        return rows;
    }

    private static void AddMembers(OptionNode parent, string prefix, int depth, List<OptionRow> rows)
    {
        if (depth >= MaxDepth) return;
        foreach (var option in parent.Children)
        {
            if (rows.Count >= MaxRows) return;
            // A property whose schema is not an object (`"x": true`) says nothing to show.
            if (option.Declaration is { Kind: not JsonKind.Object } || !option.Schemas.Any()) continue;
            var path = prefix + option.Name;
            rows.Add(new OptionRow(
                path,
                depth,
                Type(option),
                option.Default is { } value ? JsonRead.Compact(value) : null,
                option.Requirement,
                option.Keyword("enum") is { Kind: JsonKind.Array } values ? [.. values.Items.Select(JsonRead.Compact)] : [],
                Text(option.Keyword("description")) ?? Text(option.Keyword("title")),
                Constraints(option)));
            if (option.Children.Count > 0) AddMembers(option, path + ".", depth + 1, rows);
            if (option.Items is { } items) AddMembers(items, path + "[].", depth + 1, rows);
        }
    }

    private static string Type(OptionNode option)
    {
        switch (option.Keyword("type"))
        {
            case { Kind: JsonKind.String } single:
                return single.String == "array" && option.Items?.Keyword("type") is { Kind: JsonKind.String } itemType
                    ? $"array of {itemType.String}"
                    : single.String!;
            case { Kind: JsonKind.Array } several:
                return string.Join(" | ", several.Items.Where(t => t.Kind == JsonKind.String).Select(t => t.String));
            default:
                return option.HasProperties ? "object" : "";
        }
    }

    /// <summary>Bounds, lengths, pattern and format, each once, from the option's schemas in order.</summary>
    private static string? Constraints(OptionNode option)
    {
        StringBuilder? text = null;
        foreach (var keyword in ConstraintKeywords)
        {
            if (option.Keyword(keyword) is not { } value) continue;
            text = text is null ? new StringBuilder() : text.Append("; ");
            text.Append(keyword).Append(' ').Append(value.Kind == JsonKind.String ? value.String : JsonRead.Compact(value));
        }
        return text?.ToString();
    }

    private static string? Text(JsonDatum? value) => value is { Kind: JsonKind.String } ? value.String : null;
}
