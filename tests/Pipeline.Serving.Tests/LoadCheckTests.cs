using System.Diagnostics;
using System.Globalization;
using Pipeline.Testing.StaticFiles;
using Xunit.Abstractions;

namespace Pipeline.Serving.Tests;

/// <summary>A bounded smoke load over loopback: no errors under concurrency; the rate is printed, never asserted.</summary>
public sealed class LoadCheckTests(ITestOutputHelper output) : IDisposable
{
    private const int Requests = 2_000;
    private const int Concurrency = 20;
    private readonly ServingTrees _trees = new();

    [Fact]
    public async Task IndexAnswersConcurrentRequestsWithoutErrors()
    {
        _trees.Add("local", "alpha", 0, "1.0.0").Add("upstream", "beta", 0, "2.0.0");
        await using var upstream = await StaticFileServer.StartAsync();
        var index = ServingTrees.Publish(upstream, _trees.Build("upstream"));
        await using var server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = _trees.Build("local"),
            Upstreams = [new Upstream("up", index)],
        });
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        var expected = await client.GetByteArrayAsync("index.json");
        var next = 0;
        var failures = 0;

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= Requests)
            {
                using var response = await client.GetAsync("index.json");
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode || !body.AsSpan().SequenceEqual(expected)) Interlocked.Increment(ref failures);
            }
        })).WaitAsync(TimeSpan.FromMinutes(2));
        watch.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Requests} requests at concurrency {Concurrency}: {watch.Elapsed.TotalSeconds:F2} s, {Requests / watch.Elapsed.TotalSeconds:F0} requests/s"));
        failures.Should().Be(0);
        upstream.Requests.Count(r => r == "/upstream/index.json").Should().Be(1, "the upstream index is cached for the TTL");
    }

    public void Dispose() => _trees.Dispose();
}
