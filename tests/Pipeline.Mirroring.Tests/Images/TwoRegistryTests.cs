using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Registries;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>
/// The ground of the <c>mirror --images</c> command tests: a source registry holding
/// <c>team/hello:1.0</c> (two platforms) and <c>team/tools:2.0</c> (one), an empty site registry,
/// both Debian's docker-registry on 127.0.0.1, and a test folder for trees and bundles.
/// </summary>
public abstract class TwoRegistryTests : IAsyncLifetime, IDisposable
{
    protected MirrorTrees Trees { get; } = new();

    protected HttpClient Http { get; } = UpstreamClient.ForDownloads();

    protected TestImage Hello { get; } = TestImage.Create("hello");

    protected TestImage Tools { get; } = TestImage.Create("tools", "linux/amd64");

    /// <summary>Null once a test has stopped it.</summary>
    protected DistributionRegistry? Source { get; set; }

    protected DistributionRegistry? Site { get; private set; }

    /// <summary>The source registry's host:port, still known after it is stopped.</summary>
    protected string SourceHost { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (DistributionRegistry.Missing is not null) return;
        Source = await DistributionRegistry.StartAsync();
        Site = await DistributionRegistry.StartAsync();
        SourceHost = Source.Host;
        await Hello.PushAsync(Http, Source.Root, "team/hello", "1.0");
        await Tools.PushAsync(Http, Source.Root, "team/tools", "2.0");
    }

    public async Task DisposeAsync()
    {
        if (Source is not null) await Source.DisposeAsync();
        if (Site is not null) await Site.DisposeAsync();
    }

    public void Dispose()
    {
        Http.Dispose();
        Trees.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => ImageCommandRun.RunAsync(Trees, args);
}
