namespace Pipeline.Build.Tests.Support;

/// <summary>
/// The real Universe data in <c>../shared</c> beside the repository: the package tree and the files
/// Universe's own build made of it. Never copied into the project; tests skip when it is absent.
/// </summary>
public static class SharedCorpus
{
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? SharedFolder { get; } =
        RepositoryRoot is null ? null : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string PackageTree => Path.Combine(Require(), "corpus", "universe", "repo");

    public static string ReferenceFolder => Path.Combine(Require(), "corpus", "reference");

    /// <summary>Why tests that need the corpus cannot run, or null when they can.</summary>
    public static string? MissingReason
    {
        get
        {
            if (RepositoryRoot is null) return $"no folder holding Pipeline.sln above {AppContext.BaseDirectory}";
            var tree = Path.Combine(SharedFolder!, "corpus", "universe", "repo");
            var reference = Path.Combine(SharedFolder!, "corpus", "reference");
            if (!Directory.Exists(tree) || !Directory.Exists(reference))
            {
                return $"the shared Universe corpus is absent (expected {tree} and {reference})";
            }
            return null;
        }
    }

    private static string Require() =>
        MissingReason is { } reason ? throw new InvalidOperationException(reason) : SharedFolder!;

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        return null;
    }
}
