using System.Net;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests.Dcos;

/// <summary>
/// Staging behind production behind a DC/OS-format public universe: staging's clusters ask staging's
/// <c>/repo</c>, which merges production's <c>repo-up-to-&lt;release&gt;.json</c>, which holds what
/// production took from the public universe.
/// </summary>
public sealed class ServeChainRepositoryTests : IDisposable
{
    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();

    [Fact]
    public async Task AServeBehindAServeListsItsUpstreamsDcosPackagesInRepo()
    {
        _trees.Add("staging", "alpha", 0, "1.0.0").Add("production", "beta", 0, "2.0.0")
            .Add("public", "delta", 0, "4.0.0").Add("public", "epsilon", 0, "5.0.0", minDcos: "1.10");
        await using var files = await StaticFileServer.StartAsync();
        await using var production = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = _trees.Build("production"),
            Upstreams = [new Upstream("public", ServingTrees.PublishDcos(files, _trees.Build("public")))],
        });
        await using var staging = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = _trees.Build("staging"),
            Upstreams = [new Upstream("production", new Uri(production.Url, "index.json"))],
        });

        ServingTrees.Names(await RepoAsync(staging, "dcos/2.0", "v5")).Should().BeEquivalentTo("alpha", "beta", "delta", "epsilon");
        ServingTrees.Names(await RepoAsync(staging, "dcos/1.9", "v3")).Should().BeEquivalentTo(["alpha", "beta", "delta"], "epsilon needs DC/OS 1.10");
        ServingTrees.Names(await _client.GetStringAsync(new Uri(staging.Url, "index.json"))).Should().BeEquivalentTo("alpha", "beta", "delta", "epsilon");
    }

    [Fact]
    public async Task RepositoryFilesAreServedByNameWithTheirContentTypeAndAnUnknownReleaseIs404()
    {
        _trees.Add("production", "beta", 0, "2.0.0");
        await using var production = await UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", Local = _trees.Build("production") });

        using var file = await _client.GetAsync(new Uri(production.Url, "repo-up-to-1.9.json"));
        using var unknown = await _client.GetAsync(new Uri(production.Url, "repo-up-to-9.9.json"));

        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.ToString().Should().Be("application/vnd.dcos.universe.repo+json; charset=utf-8; version=v3");
        file.Headers.Vary.Should().Equal("Accept-Encoding");
        ServingTrees.Names(await file.Content.ReadAsStringAsync()).Should().Equal("beta");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("repo-up-to-2.0.json");
    }

    private async Task<string> RepoAsync(UniverseServer server, string userAgent, string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "repo"));
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept", $"application/vnd.dcos.universe.repo+json;charset=utf-8;version={version}");
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _trees.Dispose();
    }
}
