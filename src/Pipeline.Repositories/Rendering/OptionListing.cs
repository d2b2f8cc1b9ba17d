using System.Text.Json.Nodes;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Parsing;

namespace Pipeline.Repositories.Rendering;

/// <summary>One option of a package as <c>describe</c> lists it.</summary>
/// <param name="Path">Dotted from the top, e.g. <c>service.name</c>.</param>
/// <param name="Type">The declared type: its name, the JSON of a list of names, or "" when undeclared.</param>
/// <param name="Default">The default as compact JSON; null for none and for objects (their members are listed).</param>
public sealed record OptionListingRow(string Path, string Type, string? Default, string? Description);

/// <summary>
/// The options a config.json declares, read as the validator reads them (options from
/// allOf/anyOf/oneOf branches and $ref'd definitions too), depth first, each with its default.
/// </summary>
public static class OptionListing
{
    /// <summary>Nesting deeper than this is not listed.</summary>
    public const int MaxDepth = 8;

    public static IReadOnlyList<OptionListingRow> Read(JsonObject config)
    {
        var rows = new List<OptionListingRow>();
        var defaults = PackageOptions.Build(config, [], []).Merged;
        if (JsonParser.Parse(config.ToJsonString()).Root is { } schema) Add(OptionTree.Read(schema).Root, "", defaults, rows, 0);
        return rows;
    }

    private static void Add(OptionNode parent, string prefix, JsonNode? defaults, List<OptionListingRow> rows, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var option in parent.Children)
        {
            if (option.Declaration is { Kind: not JsonKind.Object }) continue;
            var path = prefix.Length == 0 ? option.Name : $"{prefix}.{option.Name}";
            var type = option.Keyword("type") switch
            {
                { Kind: JsonKind.String } single => single.String!,
                { } other => other.ToString(),
                null => "",
            };
            var current = (defaults as JsonObject)?[option.Name];
            var shown = current is null || current is JsonObject ? null : JsonOutput.Write(current, indented: false);
            var description = option.Keyword("description") is { Kind: JsonKind.String } d ? d.String : null;
            rows.Add(new OptionListingRow(path, type, shown, description));
            Add(option, path, current, rows, depth + 1);
        }
    }
}
