namespace Pipeline.Schema.Tests;

/// <summary>
/// Where the tests find the repository's schemas and the shared test data. The repository root is the
/// folder holding Pipeline.sln above the test binaries; shared data sits beside it in ../shared.
/// </summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of the current format version's schemas.</summary>
    public static string SchemaFolder { get; } = Path.Combine(Root, "schema", "v1");

    public static string SharedFolder { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string UniverseRepository { get; } = Path.Combine(SharedFolder, "corpus", "universe", "repo");

    public static string CorpusPackages { get; } = Path.Combine(UniverseRepository, "packages");

    public static string UniverseSchemaFolder { get; } = Path.Combine(UniverseRepository, "meta", "schema");

    public static bool HasSharedCorpus => Directory.Exists(CorpusPackages) && Directory.Exists(UniverseSchemaFolder);

    public static string SchemaPath(string fileName) => Path.Combine(SchemaFolder, fileName);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pipeline.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Pipeline.sln.");
    }
}
