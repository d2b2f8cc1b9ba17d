using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests;

/// <summary>
/// An operator's hierarchy, all real parts: a staging tree and a production tree on disk, and the
/// public universe behind `universe serve` on 127.0.0.1, which caches it from its own upstream.
/// </summary>
public sealed class HierarchyTests : IDisposable
{
    private readonly ServingTrees _trees = new();

    [Fact]
    public async Task EachNameResolvesInTheHighestPriorityRepositoryAndServeOutlivesItsUpstream()
    {
        _trees.Add("staging", "kafka", 0, "3.0.0-beta")
            .Add("production", "kafka", 0, "2.0.0").Add("production", "zookeeper", 0, "3.8.0")
            .Add("public", "kafka", 0, "1.0.0").Add("public", "zookeeper", 0, "3.4.0").Add("public", "nginx", 0, "1.25.0");
        var publicUniverse = await StaticFileServer.StartAsync();
        var publicIndex = ServingTrees.Publish(publicUniverse, _trees.Build("public"));
        await using var proxy = await UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", Upstreams = [new Upstream("public", publicIndex)] });
        using var http = new HttpClient();
        var fetcher = new ContentFetcher(http);
        ConfiguredSource Source(string name, string location, int priority) =>
            new(new RepositoryEntry(name, location, priority), PackageSources.Create(location, fetcher));
        var resolver = new PackageResolver([
            Source("staging", Path.Combine(_trees.Root, "staging"), 30),
            Source("production", Path.Combine(_trees.Root, "production"), 20),
            Source("proxy", new Uri(proxy.Url, "index.json").ToString(), 10),
        ]);

        await Expect(resolver, "kafka", "staging", "3.0.0-beta");
        await Expect(resolver, "zookeeper", "production", "3.8.0");
        await Expect(resolver, "nginx", "proxy", "1.25.0");
        var search = await resolver.SearchAsync(null);
        search.Warnings.Should().BeEmpty();
        search.Packages.Select(p => (p.Package.Name, p.Repository)).Should().Contain([("kafka", "staging"), ("zookeeper", "production"), ("nginx", "proxy")]);

        // The public universe goes away: serve keeps answering with its last good copy.
        await publicUniverse.DisposeAsync();
        using var afterwards = new HttpClient();
        var stillServed = await afterwards.GetStringAsync(new Uri(proxy.Url, "index.json"));
        ServingTrees.Names(stillServed).Should().Contain("nginx");
        var again = new PackageResolver([Source("proxy", new Uri(proxy.Url, "index.json").ToString(), 10)]);
        await Expect(again, "nginx", "proxy", "1.25.0");
    }

    private static async Task Expect(PackageResolver resolver, string name, string repository, string version)
    {
        var resolved = await resolver.ResolveAsync(new PackageReference(name, null));
        resolved.Problem.Should().BeNull();
        resolved.Repository!.Name.Should().Be(repository, $"{name} should resolve in {repository}");
        resolved.Package!.Version.Should().Be(version);
    }

    public void Dispose() => _trees.Dispose();
}
