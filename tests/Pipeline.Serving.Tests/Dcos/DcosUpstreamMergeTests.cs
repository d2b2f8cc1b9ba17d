using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests.Dcos;

/// <summary>A local tree, an index upstream and a DC/OS upstream served as one, by priority.</summary>
public sealed class DcosUpstreamMergeTests : IAsyncLifetime, IDisposable
{
    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();
    private readonly ConcurrentQueue<string> _notices = new();
    private readonly ManualClock _clock = new();
    private StaticFileServer _files = null!;
    private UniverseServer _server = null!;

    public async Task InitializeAsync()
    {
        _trees.Add("local", "alpha", 0, "1.0.0").Add("local", "shared", 0, "9.0.0", description: "Local shared");
        _trees.Add("production", "beta", 0, "2.0.0", description: "Production beta").Add("production", "gamma", 0, "3.0.0")
            .Add("production", "shared", 0, "1.0.0");
        _trees.Add("public", "beta", 0, "0.1.0", description: "Public beta").Add("public", "shared", 0, "0.1.0")
            .Add("public", "delta", 0, "4.0.0", description: "Public delta").Add("public", "delta", 1, "4.1.0", minDcos: "1.10", description: "Public delta");
        _files = await StaticFileServer.StartAsync();
        _server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = _trees.Build("local"),
            Upstreams =
            [
                new Upstream("production", ServingTrees.Publish(_files, _trees.Build("production"))),
                new Upstream("public", ServingTrees.PublishDcos(_files, _trees.Build("public"))),
            ],
            Clock = _clock,
            Notice = _notices.Enqueue,
        });
    }

    [Fact]
    public async Task Each_name_comes_whole_from_the_first_source_listing_it_and_each_conflict_is_told_once()
    {
        var repo20 = "";
        var repo19 = "";
        for (var round = 0; round < 10; round++)
        {
            await GetAsync("index.json");
            repo20 = await RepoAsync("dcos/2.0", "v5");
            repo19 = await RepoAsync("dcos/1.9", "v3");
            await GetAsync("package/shared.json");
            await GetAsync("health");
        }
        var index = JsonNode.Parse(await GetAsync("index.json"))!;
        var delta = JsonNode.Parse(await GetAsync("package/delta.json"))!;
        var beta = JsonNode.Parse(await GetAsync("package/beta.json"))!;
        var health = JsonNode.Parse(await GetAsync("health"))!;

        ServingTrees.Names(index.ToJsonString()).Should().Equal("alpha", "shared", "beta", "gamma", "delta");
        ServingTrees.Names(repo20).Should().Equal("alpha", "shared", "beta", "gamma", "delta", "delta");
        // DC/OS 1.9: delta's revision needing 1.10 is left out, the other downgraded to packaging 3.0 as Universe does.
        ServingTrees.Names(repo19).Should().Equal("alpha", "shared", "beta", "gamma", "delta");
        ((string)JsonNode.Parse(repo19)!["packages"]![4]!["packagingVersion"]!).Should().Be("3.0");
        Descriptions(repo20).Should().Equal("Hello", "Local shared", "Production beta", "Hello", "Public delta", "Public delta");
        delta["revisions"]!.AsArray().Select(r => (string)r!["version"]!).Should().BeEquivalentTo("4.0.0", "4.1.0");
        ((string)beta["revisions"]![0]!["package"]!["description"]!).Should().Be("Production beta");
        _notices.Should().BeEquivalentTo(
            "`beta` is in upstream `production` and upstream `public`; serving upstream `production`",
            "`shared` is in local, upstream `production` and upstream `public`; serving local");
        health["sources"]!.AsArray().Skip(1).Select(u => (string)u!["kind"]!).Should().Equal("index", "dcos");
        health["shadowedCount"]!.GetValue<int>().Should().Be(2);
        health["shadowed"]![1]!.ToJsonString().Should().Be("""{"name":"shared","servedFrom":"local","hiddenIn":["production","public"]}""");
    }

    [Fact]
    public async Task A_stopped_DC_OS_upstream_keeps_its_last_good_copy_served_and_health_says_stale()
    {
        await _server.UpstreamsAsync();

        await _files.DisposeAsync();
        _clock.Advance(TimeSpan.FromMinutes(6));
        await RepoAsync("dcos/2.0", "v5");
        await _server.UpstreamsSettledAsync();
        var repo = await RepoAsync("dcos/2.0", "v5");
        var health = JsonNode.Parse(await GetAsync("health"))!;

        ServingTrees.Names(repo).Should().Contain("delta");
        ((string)health["sources"]![2]!["state"]!).Should().Be("stale");
        ((string)health["sources"]![2]!["problem"]!).Should().Contain("public/universe.json");
    }

    private static IReadOnlyList<string> Descriptions(string repository) =>
        (JsonNode.Parse(repository)!["packages"] as JsonArray)!.Select(p => (string)p!["description"]!).ToArray();

    private Task<string> GetAsync(string path) => _client.GetStringAsync(new Uri(_server.Url, path));

    private async Task<string> RepoAsync(string userAgent, string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Url, "repo"));
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept", $"application/vnd.dcos.universe.repo+json;charset=utf-8;version={version}");
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _files.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _trees.Dispose();
    }
}
