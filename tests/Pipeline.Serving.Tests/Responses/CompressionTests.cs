using System.IO.Compression;
using System.Net;

namespace Pipeline.Serving.Tests.Responses;

/// <summary>gzip and Brotli negotiated by Accept-Encoding, made once per content version; Vary and Cache-Control.</summary>
public sealed class CompressionTests
{
    [Theory]
    [InlineData("index.json")]
    [InlineData("package/beta.json")]
    [InlineData("repo")]
    public async Task GzipAndBrotliBodiesDecodeToTheIdentityBytesUnderTheirOwnTags(string route)
    {
        await using var fixture = await CachingServer.StartAsync();

        var identity = await fixture.SendAsync(route);
        var gzip = await fixture.SendAsync(route, ("Accept-Encoding", "gzip"));
        var brotli = await fixture.SendAsync(route, ("Accept-Encoding", "gzip, deflate, br"));

        var bytes = await identity.Content.ReadAsByteArrayAsync();
        identity.Content.Headers.ContentEncoding.Should().BeEmpty();
        gzip.Content.Headers.ContentEncoding.Should().Equal("gzip");
        brotli.Content.Headers.ContentEncoding.Should().Equal("br");
        Decode(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)).Should().Equal(bytes);
        Decode(new BrotliStream(await brotli.Content.ReadAsStreamAsync(), CompressionMode.Decompress)).Should().Equal(bytes);
        gzip.Content.Headers.ContentLength.Should().BeLessThan(bytes.Length);
        var tag = identity.Headers.ETag!.ToString().Trim('"');
        gzip.Headers.ETag!.ToString().Should().Be($"\"{tag}-gzip\"");
        brotli.Headers.ETag!.ToString().Should().Be($"\"{tag}-br\"");
    }

    [Theory]
    [InlineData("identity", null)]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.5", "br")]
    [InlineData("gzip;q=0.9, br;q=0.5", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0, identity;q=0", null)]
    public async Task TheEncodingFollowsTheQualities(string acceptEncoding, string? expected)
    {
        await using var fixture = await CachingServer.StartAsync();

        var response = await fixture.SendAsync("index.json", ("Accept-Encoding", acceptEncoding));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(expected is null ? [] : [expected]);
    }

    [Fact]
    public async Task EachEncodingIsMadeOncePerContentVersionAndAgainAfterAChange()
    {
        await using var fixture = await CachingServer.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await fixture.SendAsync("index.json", ("Accept-Encoding", "gzip"));
            await fixture.SendAsync("index.json", ("Accept-Encoding", "br"));
            await fixture.SendAsync("index.json");
        }
        var once = fixture.Server.Encodings;
        await fixture.ChangeUpstreamAsync();
        for (var i = 0; i < 10; i++) await fixture.SendAsync("index.json", ("Accept-Encoding", "gzip"));

        once.Should().Be(2);
        fixture.Server.Encodings.Should().Be(3, "the new version was asked for in gzip only");
    }

    [Fact]
    public async Task VaryAndCacheControlFitEachRoute()
    {
        await using var fixture = await CachingServer.StartAsync();

        var index = await fixture.SendAsync("index.json");
        var local = await fixture.SendAsync("package/alpha.json");
        var upstream = await fixture.SendAsync("package/beta.json");
        var repo = await fixture.SendAsync("repo");
        var health = await fixture.SendAsync("health");
        var missing = await fixture.SendAsync("package/nothing.json");

        index.Headers.Vary.Should().Equal("Accept-Encoding");
        index.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
        local.Headers.CacheControl!.NoCache.Should().BeTrue();
        upstream.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
        repo.Headers.Vary.Should().Equal("Accept", "User-Agent", "Accept-Encoding");
        repo.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
        health.Headers.CacheControl!.NoStore.Should().BeTrue();
        health.Headers.ETag.Should().BeNull();
        missing.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task AServeWithoutUpstreamsAsksCachesToRevalidateEachTime()
    {
        await using var fixture = await CachingServer.StartAsync(upstream: false);

        var index = await fixture.SendAsync("index.json");
        var repo = await fixture.SendAsync("repo");

        index.Headers.CacheControl!.NoCache.Should().BeTrue();
        index.Headers.CacheControl.MaxAge.Should().BeNull();
        repo.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task ABodyOfManySlicesArrivesWhole()
    {
        using var trees = new ServingTrees();
        var description = string.Join(' ', Enumerable.Range(0, 150_000).Select(i => (i * 7919 % 100_003).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var local = trees.Add("local", "big", 0, "1.0.0", description: description).Build("local");
        await using var server = await UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", Local = local });
        using var client = new HttpClient();

        var body = await client.GetByteArrayAsync(new Uri(server.Url, "index.json"));

        body.Length.Should().BeGreaterThan(3 * 256 * 1024);
        body.Should().Equal(local.GetBytes("index.json"));
    }

    private static byte[] Decode(Stream decoder)
    {
        using (decoder)
        using (var buffer = new MemoryStream())
        {
            decoder.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
