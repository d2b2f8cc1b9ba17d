using System.Text;
using Pipeline.Serving.Upstreams;

namespace Pipeline.Serving.Tests;

public sealed class UpstreamCacheTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task RevalidatesWithIfNoneMatchAfterTheTtlAndKeepsTheCopyOn304()
    {
        await using var upstream = await EtagServer.StartAsync();
        var address = upstream.Add("index.json", Encoding.UTF8.GetBytes("""{"packages": []}"""));
        var cache = new UpstreamCache(_http, _clock, TimeSpan.FromMinutes(5));

        var first = await cache.GetAsync(address);
        var cached = await cache.GetAsync(address);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var served = await cache.GetAsync(address);
        var revalidated = await cache.SettledAsync(address);

        upstream.Requests.Should().HaveCount(2);
        upstream.Requests[0].IfNoneMatch.Should().BeNull();
        upstream.Requests[1].IfNoneMatch.Should().Be(first.ETag).And.NotBeNull();
        upstream.Requests[1].Status.Should().Be(304);
        cached.Content.Should().BeSameAs(first.Content);
        served.Should().BeSameAs(first, "a due copy is served at once and revalidated in the background");
        revalidated.Content.Should().BeSameAs(first.Content, "a 304 keeps the copy, so merged outputs are not rebuilt");
        revalidated.State.Should().Be(UpstreamState.Fresh);
        revalidated.CheckedAt.Should().Be(_clock.GetUtcNow());
    }

    [Fact]
    public async Task CopiesStayWithinTheBudgetDroppingTheLeastRecentlyUsed()
    {
        // An upstream that answers every package with a large document: the copies together
        // never exceed the budget (plus the one just fetched), however many are asked for.
        await using var upstream = await EtagServer.StartAsync();
        const int Size = 100_000;
        var addresses = Enumerable.Range(0, 20)
            .Select(i => upstream.Add($"package/p{i}.json", Encoding.UTF8.GetBytes($$"""{"name": "p{{i}}", "pad": "{{new string((char)('a' + i), Size)}}"}""")))
            .ToList();
        var cache = new UpstreamCache(_http, _clock, TimeSpan.FromMinutes(5), budgetBytes: 3L * Size);

        var peak = 0L;
        foreach (var address in addresses)
        {
            (await cache.GetAsync(address)).Content.Should().NotBeNull();
            peak = Math.Max(peak, cache.HeldBytes);
        }

        peak.Should().BeLessThanOrEqualTo(3L * Size + Size + 100, "the budget plus at most the document just fetched");
        cache.Peek(addresses[^1]).Should().NotBeNull("the copy just used is kept");
        cache.Peek(addresses[0]).Should().BeNull("the copy used longest ago was dropped");
        (await cache.GetAsync(addresses[0])).Content.Should().NotBeNull("a dropped copy is fetched again when asked for");
    }

    [Fact]
    public async Task ChangedContentReplacesTheCopy()
    {
        await using var upstream = await EtagServer.StartAsync();
        var address = upstream.Add("index.json", Encoding.UTF8.GetBytes("""{"packages": []}"""));
        var cache = new UpstreamCache(_http, _clock, TimeSpan.FromSeconds(30));
        await cache.GetAsync(address);

        upstream.Add("index.json", Encoding.UTF8.GetBytes("""{"packages": [{"name": "new"}]}"""));
        _clock.Advance(TimeSpan.FromSeconds(31));
        await cache.GetAsync(address);
        var changed = await cache.SettledAsync(address);

        Encoding.UTF8.GetString(changed.Content!).Should().Contain("new");
        upstream.Requests[^1].Status.Should().Be(200);
    }

    [Fact]
    public async Task FailedFetchKeepsTheLastGoodCopyAndIsRetriedOnlyAfterTheTtl()
    {
        var upstream = await EtagServer.StartAsync();
        var address = upstream.Add("index.json", Encoding.UTF8.GetBytes("""{"packages": []}"""));
        var cache = new UpstreamCache(_http, _clock, TimeSpan.FromMinutes(1));
        var good = await cache.GetAsync(address);
        await upstream.DisposeAsync();

        _clock.Advance(TimeSpan.FromMinutes(2));
        await cache.GetAsync(address);
        var stale = await cache.SettledAsync(address);
        var again = await cache.GetAsync(address);

        stale.State.Should().Be(UpstreamState.Stale);
        stale.Content.Should().BeSameAs(good.Content);
        stale.Problem.Should().NotBeNullOrEmpty();
        again.Should().BeSameAs(stale, "a down upstream is asked once per TTL, not once per request");
    }

    [Fact]
    public async Task NeverFetchedUpstreamIsDown()
    {
        var cache = new UpstreamCache(_http, _clock, TimeSpan.FromMinutes(1));

        var copy = await cache.GetAsync(new Uri($"http://127.0.0.1:{UniverseServerTests.ClosedPort()}/index.json"));

        copy.State.Should().Be(UpstreamState.Down);
        copy.Content.Should().BeNull();
    }

    public void Dispose() => _http.Dispose();
}
