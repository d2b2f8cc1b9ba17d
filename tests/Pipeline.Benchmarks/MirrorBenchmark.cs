using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Mirror;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;

namespace Pipeline.Benchmarks;

/// <summary>
/// `universe mirror --all --assets` of the corpus, its files served from 127.0.0.1: a copy of the
/// corpus (in artifacts/bench/mirror) whose every download URL points at an <see cref="AssetServer"/>
/// file of its own (100 KB–2 MB, content differing per URL; a URL shared by revisions stays
/// shared) and whose CLI binaries' sha256 match. Mirrored at concurrency 1 and 4, from a server as
/// fast as loopback and from one answering after 20 ms at 20 MB/s per connection, where
/// concurrency matters. Prints seconds, files, MB (10^6 bytes) and MB/s; the time includes
/// writing and validating the tree, as a user waits for it.
/// </summary>
internal static class MirrorBenchmark
{
    private static readonly int[] Concurrencies = [1, 4];

    public static async Task RunAsync(string repo, string corpus)
    {
        var work = Path.Combine(repo, "artifacts", "bench", "mirror");
        await using var server = await AssetServer.StartAsync();
        var source = Path.Combine(work, "source");
        var files = CopyCorpus(corpus, source, server);
        var total = Enumerable.Range(0, files).Sum(SyntheticAssets.Size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mirror: the corpus's {files:N0} download URLs as {total / 1e6:N0} MB of files (100 KB–2 MB each) on 127.0.0.1; every revision mirrored with --assets"));
        using var http = UpstreamClient.ForDownloads();
        (string Label, (TimeSpan, double)? Throttle)[] servers =
        [
            ("loopback", null),
            ("20 ms, 20 MB/s per connection", (TimeSpan.FromMilliseconds(20), 20e6)),
        ];
        Console.WriteLine($"  {"server",-31} {"concurrency",11} {"seconds",8} {"files",6} {"MB",7} {"MB/s",6} {"problems",8}");
        foreach (var (label, throttle) in servers)
        {
            server.Throttle = throttle;
            foreach (var concurrency in Concurrencies)
            {
                var target = Path.Combine(work, "out");
                if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
                var request = new MirrorRequest { Target = target, All = true, Assets = true, BaseUrl = new Uri("https://mirror.example.com/"), Concurrency = concurrency };
                var watch = Stopwatch.StartNew();
                var report = await new PackageMirror(new VerifiedDownloader(http)).RunAsync(await MirrorSource.OpenAsync(source, new ContentFetcher(http)), request);
                watch.Stop();
                var downloaded = report.Downloads.Where(d => d.Succeeded).ToArray();
                var megabytes = downloaded.Sum(d => d.Bytes) / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label,-31} {concurrency,11} {watch.Elapsed.TotalSeconds,8:F1} {downloaded.Length,6} {megabytes,7:F0} {megabytes / watch.Elapsed.TotalSeconds,6:F1} {report.Problems.Count,8}"));
                foreach (var problem in report.Problems.Take(3)) Console.WriteLine($"    {problem}");
            }
        }
    }

    /// <summary>Copies the corpus tree to <paramref name="target"/> with its download URLs on <paramref name="server"/>; returns how many distinct URLs there are.</summary>
    private static int CopyCorpus(string corpus, string target, AssetServer server)
    {
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var resources = Directory.EnumerateFiles(Path.Combine(target, "packages"), "resource.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var path in resources)
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject resource) continue;
            foreach (var asset in ResourceAssets.Find(resource).Downloads)
            {
                if (!numbers.TryGetValue(asset.Url.AbsoluteUri, out var number)) numbers[asset.Url.AbsoluteUri] = number = numbers.Count;
                asset.Rewrite(server.Url(number, AssetPaths.FileName(asset.Url)));
            }
            MatchCliDigests(resource, server);
            File.WriteAllText(path, resource.ToJsonString());
        }
        return numbers.Count;
    }

    /// <summary>Sets each CLI binary's sha256 to its stand-in's, so the mirror verifies what it downloads.</summary>
    private static void MatchCliDigests(JsonObject resource, AssetServer server)
    {
        var binaries = (resource["cli"] as JsonObject)?["binaries"] as JsonObject ?? [];
        foreach (var binary in binaries.Select(p => p.Value).OfType<JsonObject>().SelectMany(a => a.Select(p => p.Value).OfType<JsonObject>()))
        {
            if (binary["url"] is not JsonValue value || !value.TryGetValue(out string? url) || !url.StartsWith(server.BaseUrl.AbsoluteUri, StringComparison.Ordinal)) continue;
            var number = int.Parse(new Uri(url).Segments[2].TrimEnd('/'), CultureInfo.InvariantCulture);
            foreach (var hash in (binary["contentHash"] as JsonArray ?? []).OfType<JsonObject>().Where(h => h["algo"]?.ToString() is "sha256" or "SHA256"))
            {
                hash["value"] = SyntheticAssets.Sha256(number);
            }
        }
    }
}
