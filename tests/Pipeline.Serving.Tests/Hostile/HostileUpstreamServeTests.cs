using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Testing.Upstreams;

namespace Pipeline.Serving.Tests.Hostile;

/// <summary><c>serve</c> keeps answering, from the last good copy, whatever its upstream does.</summary>
public sealed class HostileUpstreamServeTests : IAsyncLifetime, IDisposable
{
    private const string V4 = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4";
    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();
    private readonly ManualClock _clock = new();
    // Bounds every request the test makes: a hang fails the test instead of stalling the run.
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(20));
    private readonly TaskCompletionSource _release = new();
    private HostileUpstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _trees.Add("upstream", "beta", 0, "2.0.0", minDcos: "1.10").Add("upstream", "gamma", 0, "3.0.0", minDcos: "1.10");
        _upstream = await HostileUpstream.StartAsync();
        foreach (var file in _trees.Build("upstream").Files) _upstream.File("upstream/" + file.Path, file.ToArray());
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _upstream.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _bound.Dispose();
        _trees.Dispose();
    }

    private Uri Index => new(_upstream.BaseUrl, "upstream/index.json");

    private Task<UniverseServer> StartAsync() => UniverseServer.StartAsync(
        new ServeOptions { Listen = "127.0.0.1:0", Upstreams = [new Upstream("up", Index)], Clock = _clock }, _bound.Token);

    private async Task<JsonNode> HealthAsync(UniverseServer server) =>
        JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "health"), _bound.Token))!;

    private async Task<HttpResponseMessage> RepoAsync(UniverseServer server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "repo"));
        request.Headers.TryAddWithoutValidation("User-Agent", "cosmos/0.5.0 dcos/1.10.2");
        request.Headers.TryAddWithoutValidation("Accept", V4);
        return await _client.SendAsync(request, _bound.Token);
    }

    [Fact]
    public async Task StartUpDoesNotWaitOnAnUpstreamHoldingItsBodyAndHealthAnswers()
    {
        _upstream.HeldBody("upstream/index.json", """{"packages": [""", _release.Task);

        await using var server = await StartAsync();
        var health = await HealthAsync(server);

        _release.Task.IsCompleted.Should().BeFalse("everything above happened while the upstream held its body");
        health["status"]!.GetValue<string>().Should().Be("degraded");
        health["sources"]![0]!["state"]!.GetValue<string>().Should().Be("failing");
    }

    [Fact]
    public async Task RequestsAreServedFromTheLastGoodCopyWhileTheUpstreamHoldsItsBody()
    {
        await using var server = await StartAsync();
        await server.UpstreamsAsync(_bound.Token);
        (await RepoAsync(server)).StatusCode.Should().Be(HttpStatusCode.OK);
        _upstream.HeldBody("upstream/index.json", """{"packages": [""", _release.Task);
        _upstream.HeldBody("upstream/repo-up-to-1.10.json", """{"packages": [""", _release.Task);
        _clock.Advance(TimeSpan.FromMinutes(6));

        var index = await _client.GetStringAsync(new Uri(server.Url, "index.json"), _bound.Token);
        var repo = await RepoAsync(server);
        var health = await _client.GetAsync(new Uri(server.Url, "health"), _bound.Token);
        var again = await _client.GetStringAsync(new Uri(server.Url, "index.json"), _bound.Token);

        _release.Task.IsCompleted.Should().BeFalse("every answer above came while the upstream held its body");
        ServingTrees.Names(index).Should().Equal("beta", "gamma");
        ServingTrees.Names(again).Should().Equal("beta", "gamma");
        repo.StatusCode.Should().Be(HttpStatusCode.OK);
        ServingTrees.Names(await repo.Content.ReadAsStringAsync(_bound.Token)).Should().Equal("beta", "gamma");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        _upstream.Count("upstream/index.json").Should().Be(2, "one first fetch and one background refresh, shared by every request");
    }

    [Fact]
    public async Task ARedirectToFileLeavesServeAnsweringAndHealthSaysWhy()
    {
        _upstream.Redirect("upstream/index.json", "file:///etc/passwd");
        await using var server = await StartAsync();
        await server.UpstreamsAsync(_bound.Token);

        var index = await _client.GetAsync(new Uri(server.Url, "index.json"), _bound.Token);
        var health = await _client.GetAsync(new Uri(server.Url, "health"), _bound.Token);

        index.StatusCode.Should().Be(HttpStatusCode.OK);
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        var upstream = JsonNode.Parse(await health.Content.ReadAsStringAsync(_bound.Token))!["sources"]![0]!;
        upstream["state"]!.GetValue<string>().Should().Be("failing");
        upstream["problem"]!.GetValue<string>().Should().Contain("file:///etc/passwd").And.Contain("refused");
    }

    [Fact]
    public async Task InvalidJsonKeepsEveryUpstreamPackageAndHealthIsDegradedSinceTheFailure()
    {
        await using var server = await StartAsync();
        await server.UpstreamsAsync(_bound.Token);
        _upstream.Json("upstream/index.json", """{"packages": [{"name": "beta",""");
        _clock.Advance(TimeSpan.FromMinutes(6));
        var failedAt = _clock.GetUtcNow();

        await _client.GetStringAsync(new Uri(server.Url, "index.json"), _bound.Token);
        await server.UpstreamsSettledAsync();
        var names = ServingTrees.Names(await _client.GetStringAsync(new Uri(server.Url, "index.json"), _bound.Token));
        var health = await HealthAsync(server);

        names.Should().Equal("beta", "gamma");
        health["status"]!.GetValue<string>().Should().Be("degraded");
        var upstream = health["sources"]![0]!;
        upstream["state"]!.GetValue<string>().Should().Be("stale");
        upstream["problem"]!.GetValue<string>().Should().Contain("not valid JSON").And.Contain("last good copy is kept");
        upstream["since"]!.GetValue<DateTimeOffset>().Should().Be(failedAt);
    }
}
