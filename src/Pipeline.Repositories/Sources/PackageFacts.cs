using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Packages.Documents;

namespace Pipeline.Repositories.Sources;

/// <summary>Reads the common metadata out of a package.json-shaped object, tolerating any shape.</summary>
internal static class PackageFacts
{
    public static PackageSummary Summarize(JsonObject package, string name, string version, int releaseVersion) => new(
        name,
        version,
        releaseVersion,
        String(package, PackageFields.PackagingVersion),
        String(package, PackageFields.Description),
        package[PackageFields.Tags] is JsonArray tags ? tags.Select(t => t is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>().ToArray() : [],
        Boolean(package, PackageFields.Framework),
        Boolean(package, PackageFields.Selected));

    /// <summary>The same summary from a package.json read with the Packages read model.</summary>
    public static PackageSummary Summarize(PackageDocument package, string name, string version, int releaseVersion) => new(
        name,
        version,
        releaseVersion,
        package.PackagingVersion,
        package.Description,
        [.. package.Tags],
        package.Framework,
        package.Selected);

    public static string? String(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool Boolean(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static int? Integer(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && int.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static JsonObject? Object(JsonObject? obj, string name) => obj?[name] as JsonObject;

    private static readonly Pipeline.Json.Parsing.JsonParseOptions ParseOptions = new() { MaxBytes = ContentFetcher.MaxBytes };

    /// <summary>
    /// Parses JSON text into a node; null when it is not JSON. A repeated key keeps its last value,
    /// as Cosmos's parser does (published packages have some).
    /// </summary>
    public static JsonNode? TryParse(ReadOnlySpan<byte> utf8) =>
        Pipeline.Json.Parsing.JsonParser.Parse(utf8, ParseOptions).Root?.ToJsonNode();
}
