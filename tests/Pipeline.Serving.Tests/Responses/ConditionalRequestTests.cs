using System.Net;

namespace Pipeline.Serving.Tests.Responses;

/// <summary>ETags, 304s and Last-Modified on every document route, over real Kestrel.</summary>
public sealed class ConditionalRequestTests
{
    /// <summary>Each document route: the local package file, an upstream one, the merged index, /repo.</summary>
    public static TheoryData<string> Routes => ["index.json", "package/alpha.json", "package/beta.json", "repo"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AMatchingETagGets304WithoutABodyAndTheSameValidators(string route)
    {
        await using var fixture = await CachingServer.StartAsync();
        var first = await fixture.SendAsync(route, ("Accept-Encoding", "gzip"));
        var etag = first.Headers.ETag!.ToString();

        var again = await fixture.SendAsync(route, ("Accept-Encoding", "gzip"), ("If-None-Match", etag));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        etag.Should().MatchRegex("^\"[0-9a-f]{32}-gzip\"$");
        again.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        again.Headers.ETag!.ToString().Should().Be(etag);
        again.Headers.CacheControl!.ToString().Should().Be(first.Headers.CacheControl!.ToString());
        again.Headers.Vary.Should().Equal(first.Headers.Vary);
    }

    [Fact]
    public async Task TheIdentityTagDoesNotValidateTheGzipBody()
    {
        await using var fixture = await CachingServer.StartAsync();
        var identity = await fixture.SendAsync("index.json");

        var gzip = await fixture.SendAsync("index.json", ("Accept-Encoding", "gzip"), ("If-None-Match", identity.Headers.ETag!.ToString()));

        gzip.StatusCode.Should().Be(HttpStatusCode.OK);
        gzip.Content.Headers.ContentEncoding.Should().Equal("gzip");
    }

    [Fact]
    public async Task ChangedUpstreamContentGets200WithANewETag()
    {
        await using var fixture = await CachingServer.StartAsync();
        var before = await fixture.SendAsync("index.json");
        await fixture.ChangeUpstreamAsync();

        var after = await fixture.SendAsync("index.json", ("If-None-Match", before.Headers.ETag!.ToString()));

        after.StatusCode.Should().Be(HttpStatusCode.OK);
        after.Headers.ETag!.ToString().Should().NotBe(before.Headers.ETag!.ToString());
        ServingTrees.Names(await after.Content.ReadAsStringAsync()).Should().Contain("delta");
        after.Content.Headers.LastModified.Should().Be(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task IfModifiedSinceGets304UnlessTheVersionIsNewerAndIfNoneMatchOverridesIt()
    {
        await using var fixture = await CachingServer.StartAsync();
        var first = await fixture.SendAsync("index.json");
        var lastModified = first.Content.Headers.LastModified!.Value;

        var same = await fixture.SendAsync("index.json", ("If-Modified-Since", lastModified.ToString("r")));
        var earlier = await fixture.SendAsync("index.json", ("If-Modified-Since", lastModified.AddSeconds(-1).ToString("r")));
        var overridden = await fixture.SendAsync("index.json", ("If-Modified-Since", lastModified.ToString("r")), ("If-None-Match", "\"other\""));
        var garbage = await fixture.SendAsync("index.json", ("If-Modified-Since", "yesterday"));

        lastModified.Should().Be(fixture.Clock.GetUtcNow());
        same.StatusCode.Should().Be(HttpStatusCode.NotModified);
        earlier.StatusCode.Should().Be(HttpStatusCode.OK);
        overridden.StatusCode.Should().Be(HttpStatusCode.OK);
        garbage.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RepoTagsDifferBetweenNegotiatedReleasesAndLabels()
    {
        await using var fixture = await CachingServer.StartAsync();

        var v19 = await fixture.SendAsync("repo", ("User-Agent", "cosmos/0.5.0 dcos/1.9.0"));
        var v110 = await fixture.SendAsync("repo", ("User-Agent", "cosmos/0.5.0 dcos/1.10.0"), ("Accept", CachingServer.V4));
        var v110AsV5 = await fixture.SendAsync("repo", ("User-Agent", "cosmos/0.5.0 dcos/1.10.0"), ("Accept", CachingServer.V4.Replace("v4", "v5", StringComparison.Ordinal)));
        var crossed = await fixture.SendAsync("repo", ("User-Agent", "cosmos/0.5.0 dcos/1.10.0"), ("Accept", CachingServer.V4), ("If-None-Match", v19.Headers.ETag!.ToString()));

        new[] { v19, v110, v110AsV5 }.Select(r => r.Headers.ETag!.ToString()).Should().OnlyHaveUniqueItems();
        (await v110AsV5.Content.ReadAsByteArrayAsync()).Should().Equal(await v110.Content.ReadAsByteArrayAsync());
        crossed.StatusCode.Should().Be(HttpStatusCode.OK);
        v110.Headers.Vary.Should().Equal("Accept", "User-Agent", "Accept-Encoding");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task HeadAnswersTheHeadersOfGetWithoutTheBody(string route)
    {
        await using var fixture = await CachingServer.StartAsync();
        var get = await fixture.SendAsync(route, ("Accept-Encoding", "br"));

        var head = await fixture.SendAsync(HttpMethod.Head, route, ("Accept-Encoding", "br"));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        head.Content.Headers.ContentLength.Should().Be(get.Content.Headers.ContentLength).And.BeGreaterThan(0);
        head.Headers.ETag.Should().Be(get.Headers.ETag);
        head.Content.Headers.ContentEncoding.Should().Equal(get.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task HeadOnHealthAnswersUncached()
    {
        await using var fixture = await CachingServer.StartAsync();

        var head = await fixture.SendAsync(HttpMethod.Head, "health");

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }
}
