namespace Pipeline.Changes.Tests.Support;

/// <summary>Where the checkout and the shared test data are, found from the test binary.</summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Webhooks => Path.Combine(Shared, "github", "webhooks");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("the tests run from inside the checkout");
    }
}

/// <summary>A fact that reads GitHub's webhook samples in ../shared, skipped, saying so, without them.</summary>
public sealed class SharedWebhooksFactAttribute : FactAttribute
{
    public SharedWebhooksFactAttribute()
    {
        if (!Directory.Exists(SharedData.Webhooks)) Skip = "needs GitHub's webhook samples in ../shared/github/webhooks beside the checkout";
    }
}
