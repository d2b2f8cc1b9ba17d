namespace Pipeline.Changes.Tests.Support;

/// <summary>Where the checkout and the shared test data are, found from the test binary.</summary>
public static class SharedData
{
    public static string Root => Pipeline.Testing.RepositoryFolders.Root;

    public static string Shared => Pipeline.Testing.RepositoryFolders.Shared;

    public static string Webhooks => Path.Combine(Shared, "github", "webhooks");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");
}

/// <summary>A fact that reads GitHub's webhook samples in ../shared, skipped, saying so, without them.</summary>
public sealed class SharedWebhooksFactAttribute : FactAttribute
{
    public SharedWebhooksFactAttribute()
    {
        if (!Directory.Exists(SharedData.Webhooks)) Skip = "needs GitHub's webhook samples in ../shared/github/webhooks beside the checkout";
    }
}
