namespace Pipeline.Diagnostics.Tests.Sarif;

/// <summary>A fact that needs the OASIS SARIF schema from ../shared/conformance/sarif and is skipped, saying so, without it.</summary>
public sealed class SarifSchemaFactAttribute : FactAttribute
{
    public static string SchemaPath { get; } = Path.Combine(Pipeline.Testing.RepositoryFolders.Shared, "conformance", "sarif", "sarif-schema-2.1.0.json");

    public SarifSchemaFactAttribute()
    {
        if (!File.Exists(SchemaPath)) Skip = $"needs the OASIS SARIF 2.1.0 schema at {SchemaPath} (../shared beside the checkout)";
    }
}
