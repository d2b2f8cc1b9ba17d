namespace Pipeline.Testing;

/// <summary>Where the checkout is, found from the test's own folder, and ../shared beside it.</summary>
public static class RepositoryFolders
{
    /// <summary>The folder holding Pipeline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the checkout; it may not exist (tests then skip, saying so).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pipeline.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"no Pipeline.sln above {AppContext.BaseDirectory}");
    }
}
