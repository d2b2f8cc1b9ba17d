using System.Text;
using System.Text.Json;
using Pipeline.Site.Model;

namespace Pipeline.Site.Reading;

/// <summary>
/// The rows of the options table, from a config.json JSON Schema: every property, nested objects
/// and array items included, in the schema's own order. Bounded in depth and rows so a hostile
/// schema cannot blow up a page. Each option's keywords are read in one pass over its members.
/// </summary>
internal static class OptionsTable
{
    public const int MaxDepth = 16;
    public const int MaxRows = 2000;

    public static IReadOnlyList<OptionRow> Rows(JsonElement schema)
    {
        var rows = new List<OptionRow>();
        AddProperties(schema, "", 0, rows);
        return rows;
    }

    private static void AddProperties(JsonElement schema, string prefix, int depth, List<OptionRow> rows)
    {
        if (depth >= MaxDepth || JsonRead.Object(schema, "properties") is not { } properties) return;
        var required = JsonRead.Strings(schema, "required");
        foreach (var property in properties.EnumerateObject())
        {
            if (rows.Count >= MaxRows) return;
            if (property.Value.ValueKind != JsonValueKind.Object) continue;
            var option = Keywords.Read(property.Value);
            var path = prefix + property.Name;
            rows.Add(new OptionRow(
                path,
                depth,
                option.Type(),
                option.Default is { } value ? JsonRead.Compact(value) : null,
                option.Required || required.Contains(property.Name),
                option.Enum is { } values ? [.. values.EnumerateArray().Select(JsonRead.Compact)] : [],
                option.Description ?? option.Title,
                option.Constraints?.ToString()));
            if (option.Properties is not null) AddProperties(property.Value, path + ".", depth + 1, rows);
            if (option.Items is { } items) AddProperties(items, path + "[].", depth + 1, rows);
        }
    }

    /// <summary>The keywords of one option schema that the table shows.</summary>
    private struct Keywords
    {
        public JsonElement? TypeValue;
        public JsonElement? Default;
        public JsonElement? Enum;
        public JsonElement? Properties;
        public JsonElement? Items;
        public string? Description;
        public string? Title;
        public bool Required;
        public StringBuilder? Constraints;

        public static Keywords Read(JsonElement option)
        {
            var keywords = default(Keywords);
            foreach (var member in option.EnumerateObject())
            {
                var value = member.Value;
                switch (member.Name)
                {
                    case "type": keywords.TypeValue = value; break;
                    case "default": keywords.Default = value; break;
                    case "enum" when value.ValueKind == JsonValueKind.Array: keywords.Enum = value; break;
                    case "properties" when value.ValueKind == JsonValueKind.Object: keywords.Properties = value; break;
                    case "items" when value.ValueKind == JsonValueKind.Object: keywords.Items = value; break;
                    case "description" when value.ValueKind == JsonValueKind.String: keywords.Description = value.GetString(); break;
                    case "title" when value.ValueKind == JsonValueKind.String: keywords.Title = value.GetString(); break;
                    case "required": keywords.Required = value.ValueKind == JsonValueKind.True; break; // draft 3's boolean form
                    case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "minLength" or "maxLength"
                        or "minItems" or "maxItems" or "pattern" or "format":
                        keywords.Constraints = keywords.Constraints is null ? new StringBuilder() : keywords.Constraints.Append("; ");
                        keywords.Constraints.Append(member.Name).Append(' ')
                            .Append(value.ValueKind == JsonValueKind.String ? value.GetString() : JsonRead.Compact(value));
                        break;
                }
            }
            return keywords;
        }

        public readonly string Type()
        {
            if (TypeValue is { ValueKind: JsonValueKind.String } single)
            {
                var type = single.GetString()!;
                return type == "array" && Items is { } items && JsonRead.String(items, "type") is { } itemType ? $"array of {itemType}" : type;
            }
            if (TypeValue is { ValueKind: JsonValueKind.Array } several)
            {
                return string.Join(" | ", several.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()));
            }
            return Properties is not null ? "object" : "";
        }
    }
}
