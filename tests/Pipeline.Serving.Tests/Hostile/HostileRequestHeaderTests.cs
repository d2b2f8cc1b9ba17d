using System.Net;
using Pipeline.Serving.Tests.Responses;

namespace Pipeline.Serving.Tests.Hostile;

/// <summary>Huge and odd validator and encoding fields get a bounded, ordinary answer.</summary>
public sealed class HostileRequestHeaderTests
{
    [Fact]
    public async Task ThousandsOfTagsAreReadAndTheMatchingOneStillCounts()
    {
        await using var fixture = await CachingServer.StartAsync();
        var etag = (await fixture.SendAsync("index.json")).Headers.ETag!.ToString();
        var decoys = string.Join(", ", Enumerable.Range(0, 1_000).Select(i => $"W/\"{i:x8}\""));

        var miss = await fixture.SendAsync("index.json", ("If-None-Match", decoys));
        var hit = await fixture.SendAsync("index.json", ("If-None-Match", decoys + ", " + etag));

        miss.StatusCode.Should().Be(HttpStatusCode.OK);
        hit.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("If-None-Match")]
    [InlineData("Accept-Encoding")]
    public async Task AFieldPastKestrelsHeaderLimitIsRefusedWith431(string field)
    {
        await using var fixture = await CachingServer.StartAsync();

        var response = await fixture.SendAsync("index.json", (field, new string('"', 64 * 1024)));

        response.StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Theory]
    [InlineData("If-None-Match", "\"unterminated")]
    [InlineData("If-None-Match", "W/W/W/\"x\"")]
    [InlineData("If-None-Match", ",,,,")]
    [InlineData("If-Modified-Since", "Tue, 99 Foo 20261 99:99:99 GMT")]
    [InlineData("Accept-Encoding", ";;;q=;;,,br;q=9999999999999999999,gzip;q=-1")]
    [InlineData("Accept-Encoding", "identity;q=0,*;q=0")]
    public async Task AnOddFieldGetsTheFullIdentityAnswer(string field, string value)
    {
        await using var fixture = await CachingServer.StartAsync();
        var identity = await fixture.SendAsync("index.json");

        var response = await fixture.SendAsync("index.json", (field, value));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(await identity.Content.ReadAsByteArrayAsync());
    }
}
