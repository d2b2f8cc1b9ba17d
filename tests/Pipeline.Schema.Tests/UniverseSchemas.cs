using NJsonSchema;

namespace Pipeline.Schema.Tests;

/// <summary>Universe's own schema for each kind of revision file, as its validator applies them.</summary>
internal static class UniverseSchemas
{
    /// <summary>
    /// package-schema.json picks the packaging version through oneOf; resources use the v3 schema (a superset of v2);
    /// config-schema.json is the Draft 4 meta-schema.
    /// </summary>
    public static JsonSchema For(string fileName) => fileName switch
    {
        "package.json" => SchemaSet.Universe("package-schema.json"),
        "resource.json" => SchemaSet.Universe("v3-resource-schema.json"),
        "command.json" => SchemaSet.Universe("command-schema.json"),
        "config.json" => SchemaSet.Universe("config-schema.json"),
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Universe has no schema for this file."),
    };
}
