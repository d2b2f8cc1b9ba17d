using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;
using Pipeline.Json;

namespace Pipeline.Action.Tests.Adoption;

/// <summary>The OASIS SARIF 2.1.0 schema from ../shared/conformance, checked with the project's own Draft 4 validator.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var path = Path.Combine(Pipeline.Testing.RepositoryFolders.Shared, "conformance", "sarif", "sarif-schema-2.1.0.json");
        var parsed = JsonParser.Parse(File.ReadAllText(path));
        var loaded = JsonSchema.Load(parsed.Root ?? throw new InvalidOperationException($"{path} does not parse"));
        return loaded.Schema ?? throw new InvalidOperationException($"{path} is not a schema: {string.Join("; ", loaded.Problems.Select(p => p.Message))}");
    });

    /// <summary>Every way the file breaks the schema, as "pointer: message" lines (empty when it conforms).</summary>
    public static IReadOnlyList<string> Problems(string sarifFile)
    {
        var parsed = JsonParser.Parse(File.ReadAllText(sarifFile));
        if (parsed.Root is null) return [$"{sarifFile} is not JSON"];
        return [.. Schema.Value.Validate(parsed.Root).Select(e => $"{e.InstancePointer}: {e.Message}")];
    }
}
