using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests;

public sealed class UniverseServerTests : IDisposable
{
    private const string V4 = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4";
    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();

    public UniverseServerTests()
    {
        _trees.Add("local", "alpha", 0, "1.0.0").Add("local", "alpha", 1, "1.1.0", minDcos: "1.10")
            .Add("local", "shared", 0, "9.0.0", description: "Local shared");
        _trees.Add("upstream", "beta", 0, "2.0.0").Add("upstream", "gamma", 0, "3.0.0")
            .Add("upstream", "shared", 0, "1.0.0", description: "Upstream shared");
    }

    private async Task<(UniverseServer Server, StaticFileServer Upstream)> StartAsync(IReadOnlyCollection<string>? allow = null, bool local = true)
    {
        var upstream = await StaticFileServer.StartAsync();
        var index = ServingTrees.Publish(upstream, _trees.Build("upstream"));
        var server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = local ? _trees.Build("local") : null,
            Upstreams = [new Upstream("up", index)],
            Allow = allow ?? [],
        });
        return (server, upstream);
    }

    [Fact]
    public async Task IndexListsLocalPackagesFirstThenUpstreamOnesNotNamedLocally()
    {
        var (server, upstream) = await StartAsync();
        await using (upstream)
        await using (server)
        {
            var json = await _client.GetStringAsync(new Uri(server.Url, "index.json"));

            ServingTrees.Names(json).Should().Equal("alpha", "shared", "beta", "gamma");
            var shared = (JsonNode.Parse(json)!["packages"] as JsonArray)!.Single(p => (string)p!["name"]! == "shared")!;
            ((string)shared["description"]!).Should().Be("Local shared");
        }
    }

    [Fact]
    public async Task AllowListFiltersUpstreamPackagesButNeverLocalOnes()
    {
        var (server, upstream) = await StartAsync(allow: ["gamma"]);
        await using (upstream)
        await using (server)
        {
            ServingTrees.Names(await _client.GetStringAsync(new Uri(server.Url, "index.json"))).Should().Equal("alpha", "shared", "gamma");
            (await _client.GetAsync(new Uri(server.Url, "package/beta.json"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await _client.GetAsync(new Uri(server.Url, "package/gamma.json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task PackageFileComesFromLocalFirstThenFromTheUpstreamThatListsIt()
    {
        var (server, upstream) = await StartAsync();
        await using (upstream)
        await using (server)
        {
            var shared = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "package/shared.json")))!;
            var beta = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "package/beta.json")))!;
            var missing = await _client.GetAsync(new Uri(server.Url, "package/nothing.json"));

            ((string)shared["revisions"]![0]!["version"]!).Should().Be("9.0.0");
            ((string)beta["name"]!).Should().Be("beta");
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await missing.Content.ReadAsStringAsync()).Should().Contain("\"error\"");
        }
    }

    [Fact]
    public async Task RepoServesTheReleaseFileOfTheDcosUserAgentWithTheAcceptedMediaType()
    {
        var local = _trees.Build("local");
        await using var server = await UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", Local = local });

        var v110 = await GetRepoAsync(server, "cosmos/0.5.0 dcos/1.10.2", V4);
        var v19 = await GetRepoAsync(server, "cosmos/0.5.0 dcos/1.9.0", null);

        v110.StatusCode.Should().Be(HttpStatusCode.OK);
        RepositoryVersion(v110).Should().Be("v4");
        (await v110.Content.ReadAsByteArrayAsync()).Should().Equal(local.GetBytes("repo-up-to-1.10.json"));
        RepositoryVersion(v19).Should().Be("v3");
        (await v19.Content.ReadAsByteArrayAsync()).Should().Equal(local.GetBytes("repo-up-to-1.9.json"));
    }

    [Fact]
    public async Task RepoMergesUpstreamReleaseFilesAndRefusesUnservableVersionsWith406()
    {
        var (server, upstream) = await StartAsync();
        await using (upstream)
        await using (server)
        {
            var merged = await GetRepoAsync(server, "dcos/2.0", "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");
            var unsupported = await GetRepoAsync(server, "dcos/2.0", "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v6");
            var tooOld = await GetRepoAsync(server, "dcos/1.7", V4);

            ServingTrees.Names(await merged.Content.ReadAsStringAsync()).Should().Equal("alpha", "alpha", "shared", "beta", "gamma");
            unsupported.StatusCode.Should().Be(HttpStatusCode.NotAcceptable);
            unsupported.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            (await unsupported.Content.ReadAsStringAsync()).Should().Contain("\"error\"");
            tooOld.StatusCode.Should().Be(HttpStatusCode.NotAcceptable);
        }
    }

    [Fact]
    public async Task OneUpstreamAloneHasItsRepositoryFileServedAsItIsNotCopied()
    {
        var (server, upstream) = await StartAsync(local: false);
        await using (upstream)
        await using (server)
        {
            var served = await GetRepoAsync(server, "dcos/2.0", "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");

            (await served.Content.ReadAsByteArrayAsync()).Should().Equal(_trees.Build("upstream").GetBytes("repo-up-to-2.0.json"));
        }
    }

    [Fact]
    public async Task StoppedUpstreamKeepsItsLastGoodCopyServedAndHealthSaysStale()
    {
        var clock = new ManualClock();
        var upstream = await StaticFileServer.StartAsync();
        var index = ServingTrees.Publish(upstream, _trees.Build("upstream"));
        await using var server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Upstreams = [new Upstream("up", index), new Upstream("never", new Uri($"http://127.0.0.1:{ClosedPort()}/index.json"))],
            Clock = clock,
        });
        await server.UpstreamsAsync();
        var before = await _client.GetStringAsync(new Uri(server.Url, "health"));

        await upstream.DisposeAsync();
        clock.Advance(TimeSpan.FromMinutes(6));
        var names = ServingTrees.Names(await _client.GetStringAsync(new Uri(server.Url, "index.json")));
        await server.UpstreamsSettledAsync();
        var health = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "health")))!;

        JsonNode.Parse(before)!["sources"]![0]!["state"]!.GetValue<string>().Should().Be("fresh");
        names.Should().Equal("beta", "gamma", "shared");
        health["status"]!.GetValue<string>().Should().Be("degraded");
        health["sources"]![0]!["state"]!.GetValue<string>().Should().Be("stale");
        health["sources"]![0]!["problem"]!.GetValue<string>().Should().NotBeEmpty();
        health["sources"]![1]!["state"]!.GetValue<string>().Should().Be("failing");
    }

    [Fact]
    public async Task ListenAddressMustBeAnIpAddressAndPort()
    {
        var start = () => UniverseServer.StartAsync(new ServeOptions { Listen = "localhost" });

        await start.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task ALocalBuildAndALocalTreeTogetherAreRefused()
    {
        var start = () => UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = _trees.Build("local"),
            LocalTree = new Pipeline.Serving.LocalTree.LocalTreeOptions(Path.Combine(_trees.Root, "local")),
        });

        (await start.Should().ThrowAsync<ArgumentException>()).WithMessage("*not both*");
    }

    [Fact]
    public async Task HealthListsTheLocalBuildFirstAsAFreshSourceThenTheUpstreams()
    {
        var (server, upstream) = await StartAsync();
        await using (upstream)
        await using (server)
        {
            await server.UpstreamsAsync();
            var health = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "health")))!;

            health["status"]!.GetValue<string>().Should().Be("ok");
            var sources = health["sources"]!.AsArray();
            sources.Select(s => s!["name"]!.GetValue<string>()).Should().Equal("local", "up");
            sources[0]!["state"]!.GetValue<string>().Should().Be("fresh");
            sources[0]!["generation"]!.GetValue<long>().Should().Be(1);
            sources[1]!["address"]!.GetValue<string>().Should().EndWith("upstream/index.json");
        }
    }

    private async Task<HttpResponseMessage> GetRepoAsync(UniverseServer server, string? userAgent, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "repo"));
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await _client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The version parameter of a DC/OS repository media type (the client library spaces the parameters its own way).</summary>
    private static string? RepositoryVersion(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType!;
        type.MediaType.Should().Be("application/vnd.dcos.universe.repo+json");
        type.CharSet.Should().Be("utf-8");
        return type.Parameters.SingleOrDefault(p => p.Name == "version")?.Value;
    }

    internal static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        _client.Dispose();
        _trees.Dispose();
    }
}
