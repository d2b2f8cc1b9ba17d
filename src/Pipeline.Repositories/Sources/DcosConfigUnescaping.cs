using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// Undoes Universe's <c>json_escape_compatibility</c> when reading a v3 repository (releases before
/// 1.10): its build put a backslash before every double quote in each option's <c>description</c>
/// and each string option's <c>default</c> (recursively through object options), because Cosmos of
/// those releases unescaped those texts once too often. Reading back, <c>\"</c> becomes <c>"</c> in
/// exactly those places. Exact unless the author's own text held a backslash before a quote, which
/// the escaping left alone and this removes: the same reading Cosmos of those releases made.
/// </summary>
internal static class DcosConfigUnescaping
{
    public static void Apply(JsonObject config)
    {
        if (config["properties"] is JsonObject properties) Properties(properties);
    }

    private static void Properties(JsonObject properties)
    {
        foreach (var (_, value) in properties)
        {
            if (value is JsonObject option) Option(option);
        }
    }

    private static void Option(JsonObject option)
    {
        var type = PackageFacts.String(option, "type");
        Unescape(option, "description");
        if (type == "string") Unescape(option, "default");
        if (type == "object" && option["properties"] is JsonObject nested) Properties(nested);
    }

    private static void Unescape(JsonObject option, string member)
    {
        if (option[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>() is { } text && text.Contains("\\\"", StringComparison.Ordinal))
        {
            option[member] = text.Replace("\\\"", "\"", StringComparison.Ordinal);
        }
    }
}
