namespace Pipeline.Validation.Tests;

/// <summary>Where the checkout and the shared test data are, found from the test binary.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The published Universe tree in ../shared, or null when it is absent.</summary>
    public static string? Corpus
    {
        get
        {
            var corpus = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "universe", "repo"));
            return Directory.Exists(Path.Combine(corpus, "packages")) ? corpus : null;
        }
    }

    public static string RuleCases => Path.Combine(Root, "tests", "Pipeline.Validation.Tests", "Rules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("the tests run from inside the checkout");
    }
}

/// <summary>A fact that needs the Universe corpus in ../shared and is skipped, saying so, without it.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (RepositoryPaths.Corpus is null) Skip = "needs the Universe corpus in ../shared/corpus/universe/repo beside the checkout";
    }
}

/// <summary>A fact that needs file permissions to bite, which they do not for root: skipped as root.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root") Skip = "runs as root, whom file permissions do not stop";
    }
}
