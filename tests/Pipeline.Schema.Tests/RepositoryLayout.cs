using Pipeline.Testing;

namespace Pipeline.Schema.Tests;

/// <summary>Where the tests find the repository's own schemas (the checkout is found by Pipeline.Testing).</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder of the current format version's schemas.</summary>
    public static string SchemaFolder { get; } = Path.Combine(RepositoryFolders.Root, "schema", "v1");

    public static string SchemaPath(string fileName) => Path.Combine(SchemaFolder, fileName);
}
