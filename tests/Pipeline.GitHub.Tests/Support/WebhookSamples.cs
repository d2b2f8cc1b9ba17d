using Pipeline.Testing;

namespace Pipeline.GitHub.Tests.Support;

/// <summary>GitHub's recorded webhook payloads in ../shared, and our own event fixtures beside the test binary.</summary>
public static class WebhookSamples
{
    public static string Webhooks => Path.Combine(RepositoryFolders.Shared, "github", "webhooks");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");
}

/// <summary>A fact that reads GitHub's webhook samples in ../shared, skipped, saying so, without them.</summary>
public sealed class SharedWebhooksFactAttribute : FactAttribute
{
    public SharedWebhooksFactAttribute()
    {
        if (!Directory.Exists(WebhookSamples.Webhooks)) Skip = "needs GitHub's webhook samples in ../shared/github/webhooks beside the checkout";
    }
}
