using System.Collections.Concurrent;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;
using Pipeline.Json;

namespace Pipeline.Validation.Schemas;

/// <summary>
/// The schemas of schema/v1, embedded in this assembly and compiled once per process.
/// </summary>
public static class SchemaSet
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> PackagingVersions = ["2.0", "3.0", "4.0", "5.0"];

    /// <summary>The packaging version when it is one with a schema here, else null.</summary>
    public static string? Supported(string? packagingVersion) =>
        packagingVersion is not null && PackagingVersions.Contains(packagingVersion) ? packagingVersion : null;

    public static JsonSchema Package(string packagingVersion) => Get($"package-{packagingVersion}.json");

    public static JsonSchema Resource => Get("resource.json");

    public static JsonSchema Command => Get("command.json");

    public static JsonSchema Config => Get("config.json");

    public static JsonSchema Get(string fileName) => Cache.GetOrAdd(fileName, Load);

    private static JsonSchema Load(string fileName)
    {
        var name = $"schema/v1/{fileName}";
        using var stream = typeof(SchemaSet).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"schema {name} is not embedded in {typeof(SchemaSet).Assembly.GetName().Name}");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var parsed = JsonParser.Parse(memory.ToArray());
        if (parsed.Root is null || parsed.Problems.Count > 0)
        {
            throw new InvalidOperationException($"embedded schema {name} is not valid JSON: {string.Join("; ", parsed.Problems.Select(p => p.Message))}");
        }
        var loaded = JsonSchema.Load(parsed.Root);
        if (loaded.Schema is null || loaded.Problems.Count > 0)
        {
            throw new InvalidOperationException($"embedded schema {name} does not load: {string.Join("; ", loaded.Problems.Select(p => p.Message))}");
        }
        return loaded.Schema;
    }
}
