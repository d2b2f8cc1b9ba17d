using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Pipeline.Testing;

namespace Pipeline.Schema.Tests;

/// <summary>Loads JSON Schemas once per path and validates JSON text against them.</summary>
internal static class SchemaSet
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Cache = new(StringComparer.Ordinal);

    /// <summary>One of this repository's schemas, by file name in schema/v1.</summary>
    public static JsonSchema Ours(string fileName) => Load(RepositoryLayout.SchemaPath(fileName));

    /// <summary>Our package.json schema for a packaging version, or null for a version that has none.</summary>
    public static JsonSchema? OursForPackaging(string? packagingVersion) =>
        packagingVersion is "2.0" or "3.0" or "4.0" or "5.0" ? Ours($"package-{packagingVersion}.json") : null;

    /// <summary>One of Universe's own schemas from the shared corpus, by file name in meta/schema.</summary>
    public static JsonSchema Universe(string fileName) => Load(Path.Combine(SharedCorpus.UniverseSchemas, fileName));

    /// <summary>
    /// Loads with the file's path as document path, so references resolve inside the document; none of the
    /// schemas we load refers outside itself.
    /// </summary>
    public static JsonSchema Load(string path) =>
        Cache.GetOrAdd(path, p => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(File.ReadAllText(p), p).GetAwaiter().GetResult())).Value;

    /// <summary>Parses JSON text without Newtonsoft's date guessing, so strings stay strings.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>The validation errors, one line each ("path: kind"), empty when the value is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JToken value) =>
        schema.Validate(value).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}").ToList();

    public static bool IsValid(JsonSchema schema, JToken value) => schema.Validate(value).Count == 0;
}
