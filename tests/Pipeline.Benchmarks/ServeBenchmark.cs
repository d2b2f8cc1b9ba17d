using System.Diagnostics;
using System.Globalization;
using Pipeline.Build;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Serving;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Benchmarks;

/// <summary>
/// `universe serve` under load on loopback: our packages/ as the local universe and the corpus as
/// the upstream (its index and package files on a static server), 10,000 requests at concurrency
/// 50 over /index.json, /repo (as a DC/OS 1.12 client: the merged repo-up-to-1.12, ~25 MB a
/// response), a package file and /health; the upstream is stopped half-way. Prints requests per
/// second and the failures by endpoint.
/// </summary>
internal static class ServeBenchmark
{
    private const int Requests = 10_000;
    private const int Concurrency = 50;

    public static async Task RunAsync(string repo, string corpus)
    {
        var upstreamBuild = RepositoryBuilder.Build(PackageTreeReader.Read(corpus));
        await using var upstream = await StaticFileServer.StartAsync();
        foreach (var file in upstreamBuild.Files.Where(f => f.Path == "index.json" || f.Path.StartsWith("package/", StringComparison.Ordinal)))
        {
            upstream.Add("corpus/" + file.Path, file.ToArray());
        }
        var local = RepositoryBuilder.Build(PackageTreeReader.Read(Path.Combine(repo, "packages")));
        await using var server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = local,
            Upstreams = [new Upstream("corpus", new Uri(upstream.BaseUrl, "corpus/index.json"))],
        });
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
        (await client.GetAsync("index.json")).EnsureSuccessStatusCode(); // warm: the upstream is fetched once

        string[] paths = ["index.json", "repo", "package/hello-world.json", "health"];
        var failures = new int[paths.Length];
        var next = 0;
        var stopped = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= Requests)
            {
                if (n == Requests / 2 && Interlocked.Exchange(ref stopped, 1) == 0) await upstream.DisposeAsync();
                var which = n % paths.Length;
                using var request = new HttpRequestMessage(HttpMethod.Get, paths[which]);
                request.Headers.TryAddWithoutValidation("User-Agent", "dcos-cli/1.12 dcos/1.12");
                request.Headers.TryAddWithoutValidation("Accept", "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4");
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures[which]);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures[which]);
                }
            }
        }));
        watch.Stop();
        var health = await client.GetStringAsync("health");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve: {Requests:N0} requests at concurrency {Concurrency} in {watch.Elapsed.TotalSeconds:F2} s = {Requests / watch.Elapsed.TotalSeconds:F0} requests/s; upstream stopped after {Requests / 2:N0}"));
        Console.WriteLine("  failures: " + string.Join(", ", paths.Select((p, i) => $"/{p} {failures[i]}")));
        // One line; the upstream still reads fresh until its TTL runs out and a refresh fails.
        Console.WriteLine($"  health afterwards: {System.Text.Json.Nodes.JsonNode.Parse(health)?.ToJsonString()}");
    }
}
