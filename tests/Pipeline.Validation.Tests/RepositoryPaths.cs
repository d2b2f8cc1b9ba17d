using Pipeline.Testing;

namespace Pipeline.Validation.Tests;

/// <summary>Where this project's rule cases are (the checkout and the corpus: Pipeline.Testing).</summary>
public static class RepositoryPaths
{
    public static string RuleCases => Path.Combine(RepositoryFolders.Root, "tests", "Pipeline.Validation.Tests", "Rules");
}

/// <summary>A fact that needs file permissions to bite, which they do not for root: skipped as root.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root") Skip = "runs as root, whom file permissions do not stop";
    }
}
