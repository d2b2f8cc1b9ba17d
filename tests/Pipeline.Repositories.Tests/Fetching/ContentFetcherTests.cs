using System.Net;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.Http;
using Pipeline.Testing.Upstreams;

namespace Pipeline.Repositories.Tests.Fetching;

/// <summary>What the repository commands (search, describe, render, cli install, mirror) fetch from a hostile upstream.</summary>
public sealed class ContentFetcherTests : IAsyncLifetime, IDisposable
{
    private readonly ReadCountingHandler _counter = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All });
    private readonly HttpClient _http;
    private readonly TaskCompletionSource _release = new();
    private HostileUpstream _upstream = null!;

    public ContentFetcherTests() => _http = new HttpClient(_counter);

    public async Task InitializeAsync() => _upstream = await HostileUpstream.StartAsync();

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ARedirectToFileIsASourceFailureNamingIt()
    {
        var address = _upstream.Redirect("index.json", "file:///etc/passwd");

        var fetch = () => new ContentFetcher(_http).FetchAsync(address);

        (await fetch.Should().ThrowAsync<SourceUnavailableException>()).Which.Message
            .Should().Contain("redirect to `file:///etc/passwd` refused");
    }

    [Fact]
    public async Task EvenAClientThatFollowsRedirectsItselfFailsAsASourceFailureNotACrash()
    {
        using var following = new HttpClient();
        var address = _upstream.Redirect("index.json", "file:///etc/passwd");

        var fetch = () => new ContentFetcher(following).FetchAsync(address);

        await fetch.Should().ThrowAsync<SourceUnavailableException>();
    }

    [Fact]
    public async Task RedirectsAreFollowedWithinTheBound()
    {
        _upstream.Json("real/index.json", """{"packages": []}""");
        var address = _upstream.Redirect("index.json", "/moved/index.json");
        _upstream.Redirect("moved/index.json", "/real/index.json", 301);

        var fetched = await new ContentFetcher(_http).FetchAsync(address);

        fetched.Content.Should().Equal("""{"packages": []}"""u8.ToArray());
        _upstream.Requests.Should().Equal("/index.json", "/moved/index.json", "/real/index.json");
    }

    [Fact]
    public async Task AHeldBodyFailsAtTheDeadlineWhileTheUpstreamStillHoldsIt()
    {
        var address = _upstream.HeldBody("index.json", """{"packages": [""", _release.Task);

        var fetch = () => new ContentFetcher(_http, new FetchLimits { Deadline = TimeSpan.FromMilliseconds(300) }).FetchAsync(address);

        (await fetch.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("no complete answer within 0.3 s");
        _release.Task.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task AnEndlessBodyFailsAtTheByteLimit()
    {
        var address = _upstream.EndlessBody("index.json");

        var fetch = () => new ContentFetcher(_http, new FetchLimits { MaxBytes = 1024 * 1024 }).FetchAsync(address);

        (await fetch.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Be($"upstream {address}: body over 1,048,576 bytes");
        _counter.BytesRead.Should().BeLessThanOrEqualTo(1024 * 1024 + 64 * 1024, "reading stops at the limit");
    }

    [Fact]
    public async Task AGzipBombFailsAtTheByteLimitOfItsDecodedBytes()
    {
        var address = _upstream.GzipBomb("index.json", 64L * 1024 * 1024);

        var fetch = () => new ContentFetcher(_http, new FetchLimits { MaxBytes = 1024 * 1024 }).FetchAsync(address);

        (await fetch.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("body over 1,048,576 bytes");
        _counter.BytesRead.Should().BeLessThanOrEqualTo(1024 * 1024 + 64 * 1024, "decoding stops at the limit, not at 64 MB");
    }
}
