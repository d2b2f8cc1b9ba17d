using System.Collections.Concurrent;
using System.Net;
using Pipeline.Serving.Tests.Responses;

namespace Pipeline.Serving.Tests;

/// <summary>
/// Production behind staging: a second serve whose upstream is the first revalidates its copy
/// with the ETag the first sent for the encoding it got, and a 304 keeps the copy it serves.
/// </summary>
public sealed class ServeBehindServeTests
{
    [Fact]
    public async Task TheSecondServeRevalidatesWith304AfterTheTtlAndKeepsAnswering()
    {
        await using var staging = await CachingServer.StartAsync();
        var statuses = new ConcurrentQueue<HttpStatusCode>();
        using var http = new HttpClient(new StatusRecorder(statuses, new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
        }));
        var clock = new ManualClock();
        await using var production = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Upstreams = [new Upstream("staging", new Uri(staging.Server.Url, "index.json"))],
            Clock = clock,
            Http = http,
        });
        using var client = new HttpClient();
        var first = (await production.UpstreamsAsync()).Single().Copy;

        clock.Advance(TimeSpan.FromMinutes(6));
        (await client.GetAsync(new Uri(production.Url, "index.json"))).EnsureSuccessStatusCode();
        await production.UpstreamsSettledAsync();
        var revalidated = (await production.UpstreamsAsync()).Single().Copy;
        var answer = await client.GetStringAsync(new Uri(production.Url, "index.json"));

        first.ETag.Should().EndWith("-br\"", "the documents client accepts Brotli and the tag stored is the one sent for it");
        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.NotModified);
        revalidated.Content.Should().BeSameAs(first.Content);
        revalidated.ETag.Should().Be(first.ETag);
        revalidated.CheckedAt.Should().Be(clock.GetUtcNow());
        ServingTrees.Names(answer).Should().Equal("alpha", "beta", "gamma");
    }

    private sealed class StatusRecorder(ConcurrentQueue<HttpStatusCode> statuses, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            statuses.Enqueue(response.StatusCode);
            return response;
        }
    }
}
