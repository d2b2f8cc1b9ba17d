using System.Net;
using Pipeline.Repositories.Fetching;
using Pipeline.Serving.Upstreams;
using Pipeline.Testing.Http;
using Pipeline.Testing.Upstreams;

namespace Pipeline.Serving.Tests.Hostile;

/// <summary>The cache against upstreams that redirect away, hold, flood or break their bodies.</summary>
public sealed class HostileUpstreamCacheTests : IAsyncLifetime, IDisposable
{
    private const string Good = """{"packages": [{"name": "beta"}]}""";
    private readonly ReadCountingHandler _counter = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All });
    private readonly HttpClient _http;
    private readonly ManualClock _clock = new();
    private HostileUpstream _upstream = null!;

    public HostileUpstreamCacheTests() => _http = new HttpClient(_counter);

    public async Task InitializeAsync() => _upstream = await HostileUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private UpstreamCache Cache(FetchLimits? limits = null) => new(_http, _clock, TimeSpan.FromMinutes(1), limits);

    /// <summary>A good copy first, then the upstream turns hostile and the TTL passes.</summary>
    private async Task<(UpstreamCache Cache, Uri Address, CachedCopy Good)> GoodCopyThenAsync(Action<string> turnHostile, FetchLimits? limits = null)
    {
        var cache = Cache(limits);
        var address = _upstream.Json("index.json", Good);
        var good = await cache.GetAsync(address, UpstreamDocument.PackageList);
        good.State.Should().Be(UpstreamState.Fresh);
        turnHostile("index.json");
        _clock.Advance(TimeSpan.FromMinutes(2));
        return (cache, address, good);
    }

    [Fact]
    public async Task ARedirectToFileIsRefusedAndAfterTheTtlTheUpstreamIsAskedAgain()
    {
        var cache = Cache();
        var address = _upstream.Redirect("index.json", "file:///etc/passwd");

        var refused = await cache.GetAsync(address, UpstreamDocument.PackageList);
        _upstream.Json("index.json", Good);
        var backedOff = await cache.GetAsync(address, UpstreamDocument.PackageList);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var recovered = await cache.GetAsync(address, UpstreamDocument.PackageList);

        refused.State.Should().Be(UpstreamState.Down);
        refused.Problem.Should().Contain("file:///etc/passwd").And.Contain("refused");
        backedOff.Should().BeSameAs(refused, "a failure is retried after the TTL, not on every request");
        recovered.State.Should().Be(UpstreamState.Fresh, "a failed refresh never poisons the entry");
        recovered.Content.Should().NotBeNull();
        _upstream.Count("index.json").Should().Be(2);
    }

    [Fact]
    public async Task ARedirectLoopStopsAfterFiveRedirects()
    {
        var cache = Cache();
        var address = _upstream.Redirect("a.json", "/b.json");
        _upstream.Redirect("b.json", "/a.json");

        var copy = await cache.GetAsync(address);

        copy.State.Should().Be(UpstreamState.Down);
        copy.Problem.Should().Contain("more than 5 redirects");
        _upstream.Requests.Should().HaveCount(6, "the first request and five redirects");
    }

    [Fact]
    public async Task AHeldBodyIsServedFromTheLastGoodCopyAndCutAtTheDeadline()
    {
        var release = new TaskCompletionSource();
        try
        {
            var (cache, address, good) = await GoodCopyThenAsync(path => _upstream.HeldBody(path, """{"packages": [""", release.Task),
                new FetchLimits { Deadline = TimeSpan.FromMilliseconds(300) });

            var during = await cache.GetAsync(address, UpstreamDocument.PackageList);
            var settled = await cache.SettledAsync(address);

            during.Should().BeSameAs(good, "the copy is served as it was, the refresh runs in the background");
            release.Task.IsCompleted.Should().BeFalse();
            settled.State.Should().Be(UpstreamState.Stale);
            settled.Content.Should().BeSameAs(good.Content);
            settled.Problem.Should().Contain("no complete answer within");
            release.Task.IsCompleted.Should().BeFalse("the deadline, not the upstream, ended the fetch");
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task ConcurrentRequestsShareOneRefresh()
    {
        var release = new TaskCompletionSource();
        try
        {
            var (cache, address, good) = await GoodCopyThenAsync(path => _upstream.HeldBody(path, "{", release.Task));

            var copies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync(address, UpstreamDocument.PackageList)));

            copies.Should().OnlyContain(c => ReferenceEquals(c, good), "every request got the copy as it was, none waited for the refresh");
            release.TrySetResult();
            await cache.SettledAsync(address);
            _upstream.Count("index.json").Should().Be(2, "the first fetch and one shared refresh");
        }
        finally
        {
            release.TrySetResult();
        }
    }

    /// <summary>A chunked body without end, and a gzip bomb of 64 MB: reading (decoding) stops at the limit.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOversizedBodyStopsAtTheByteLimitAndKeepsTheLastGoodCopy(bool gzipBomb)
    {
        const long limit = 1024 * 1024;
        var (cache, address, good) = await GoodCopyThenAsync(
            path => _ = gzipBomb ? _upstream.GzipBomb(path, 64 * limit) : _upstream.EndlessBody(path), new FetchLimits { MaxBytes = limit });

        await cache.GetAsync(address, UpstreamDocument.PackageList);
        var settled = await cache.SettledAsync(address);

        settled.State.Should().Be(UpstreamState.Stale);
        settled.Content.Should().BeSameAs(good.Content);
        settled.Problem.Should().Contain("body over 1,048,576 bytes");
        _counter.BytesRead.Should().BeLessThanOrEqualTo(limit + 64 * 1024 + good.Content!.Length, "reading stops at the limit, not at the end of the body");
    }

    [Theory]
    [InlineData("""{"packages": [""", "not valid JSON")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"formatVersion": "1"}""", "no `packages` array")]
    public async Task AnInvalidDocumentNeverReplacesTheLastGoodCopy(string body, string problem)
    {
        var (cache, address, good) = await GoodCopyThenAsync(path => _upstream.Json(path, body));

        await cache.GetAsync(address, UpstreamDocument.PackageList);
        var settled = await cache.SettledAsync(address);
        _upstream.Json("index.json", Good);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await cache.GetAsync(address, UpstreamDocument.PackageList);
        var recovered = await cache.SettledAsync(address);

        settled.State.Should().Be(UpstreamState.Stale);
        settled.Content.Should().BeSameAs(good.Content);
        settled.Problem.Should().Contain(problem);
        settled.FailingSince.Should().Be(_clock.GetUtcNow() - TimeSpan.FromMinutes(2));
        recovered.State.Should().Be(UpstreamState.Fresh);
        recovered.FailingSince.Should().BeNull();
    }
}
