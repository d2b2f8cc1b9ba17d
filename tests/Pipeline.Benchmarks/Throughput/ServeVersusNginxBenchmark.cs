using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Pipeline.Build;
using Pipeline.Packages.Reading;
using Pipeline.Serving;
using Pipeline.Serving.Responses;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Benchmarks.Throughput;

/// <summary>
/// `universe serve` next to nginx on loopback, measured by wrk: <c>/index.json</c> and <c>/repo</c>
/// (as DC/OS 2.0 asks), each as identity, gzip and br. nginx serves the corpus build's index.json
/// and repo-up-to-2.0.json with <c>.gz</c>/<c>.br</c> files beside them made by serve's own encoder.
/// serve merges three upstreams on a static server: the project's packages/, the corpus build and
/// Universe's own universe.json (DC/OS format) with one extra package only it lists, which tells
/// whether this build merges a DC/OS upstream. Prints the table; skips, saying why, without nginx or wrk.
/// </summary>
internal static class ServeVersusNginxBenchmark
{
    private const string DcosOnly = "benchmark-dcos-only";
    private const string RepoAccept = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(string repo, string corpus)
    {
        Console.WriteLine("serve vs nginx (wrk):");
        if (new[] { NginxProcess.Program, WrkRun.Program }.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            Console.WriteLine($"  skipped: {missing} is not installed (Debian packages nginx and wrk)");
            return;
        }
        var reference = Path.Combine(Path.GetDirectoryName(corpus)!, "..", "reference", "universe.json.gz");
        if (!File.Exists(reference))
        {
            Console.WriteLine($"  skipped: the DC/OS upstream needs Universe's own build at {reference}");
            return;
        }
        var build = RepositoryBuilder.Build(PackageTreeReader.Read(corpus));
        var work = Directory.CreateTempSubdirectory("universe-nginx-").FullName;
        try
        {
            var www = Path.Combine(work, "www");
            Directory.CreateDirectory(www);
            foreach (var name in new[] { "index.json", "repo-up-to-2.0.json" }) WriteEncoded(www, name, build.GetBytes(name));
            // nginx's workers drop to nobody: the served files must be readable by anyone.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);

            await using var upstreams = await StaticFileServer.StartAsync();
            var packages = RepositoryBuilder.Build(PackageTreeReader.Read(Path.Combine(repo, "packages")));
            foreach (var file in packages.Files) upstreams.Add("packages/" + file.Path, file.ToArray());
            foreach (var file in build.Files) upstreams.Add("corpus/" + file.Path, file.ToArray());
            var universeType = (await File.ReadAllTextAsync(Path.ChangeExtension(Path.ChangeExtension(reference, null), ".content_type"))).Trim();
            upstreams.Add("public/universe.json", WithDcosOnlyPackage(reference), universeType);

            await using var serve = await UniverseServer.StartAsync(new ServeOptions
            {
                Listen = "127.0.0.1:0",
                Upstreams =
                [
                    new Upstream("packages", new Uri(upstreams.BaseUrl, "packages/index.json")),
                    new Upstream("corpus", new Uri(upstreams.BaseUrl, "corpus/index.json")),
                    new Upstream("public", new Uri(upstreams.BaseUrl, "public/universe.json")),
                ],
            });
            using var nginx = await NginxProcess.StartAsync(www, work);
            await ReportAsync(serve, nginx);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task ReportAsync(UniverseServer serve, NginxProcess nginx)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        await serve.UpstreamsAsync();
        var repo = await SendAsync(client, new Uri(serve.Url, "repo"), "identity");
        var merged = (await repo.Content.ReadAsStringAsync()).Contains($"\"{DcosOnly}\"", StringComparison.Ordinal);
        Console.WriteLine($"  universe serve: three upstreams (packages/, the corpus build, universe.json in DC/OS format); the DC/OS upstream is "
            + (merged ? "merged" : "NOT merged by this build (its packages are absent from /repo): the figures are for the other two"));
        Console.WriteLine($"  nginx: gzip_static on, gzip on, brotli_static {(nginx.Brotli ? "on" : "off (libnginx-mod-http-brotli-static not installed)")}; "
            + $"{Environment.ProcessorCount} cores shared by wrk, nginx and serve; wrk -t2 -d{Duration.TotalSeconds}s");
        Console.WriteLine();
        Console.WriteLine($"  {"route",-11} {"asks",-9} {"conns",5} {"nginx answer",-18} {"nginx req/s",11} {"serve answer",-18} {"serve req/s",11} {"serve/nginx",11}");
        foreach (var (route, connections) in new[] { ("index.json", 50), ("repo", 20) })
        {
            foreach (var encoding in new[] { "identity", "gzip", "br" })
            {
                var (nginxAnswer, nginxRate) = await MeasureAsync(client, new Uri(nginx.Url, route), encoding, connections, warm: false);
                var (serveAnswer, serveRate) = await MeasureAsync(client, new Uri(serve.Url, route), encoding, connections, warm: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  /{route,-10} {encoding,-9} {connections,5} {nginxAnswer,-18} {nginxRate,11} {serveAnswer,-18} {serveRate,11} {Ratio(serveRate, nginxRate),11}"));
            }
        }
    }

    /// <summary>What the server answers (coding and size), then wrk's rate; serve gets a short wrk run first so its code is jitted.</summary>
    private static async Task<(string Answer, string Rate)> MeasureAsync(HttpClient client, Uri url, string encoding, int connections, bool warm)
    {
        using var response = await SendAsync(client, url, encoding);
        var answer = $"{(int)response.StatusCode} {response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "identity"} {response.Content.Headers.ContentLength / 1024.0:F0} KB";
        var fields = Fields(encoding);
        if (warm) WrkRun.Run(url, connections, TimeSpan.FromSeconds(2), fields);
        var (rate, errors) = WrkRun.Run(url, connections, Duration, fields);
        return (answer, errors == 0 ? rate.ToString("F0", CultureInfo.InvariantCulture) : $"{rate:F0} ({errors} errors)");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in Fields(encoding)) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static (string, string)[] Fields(string encoding) =>
        [("User-Agent", "cosmos/0.6.0 dcos/2.0"), ("Accept", RepoAccept), ("Accept-Encoding", encoding)];

    private static string Ratio(string serve, string nginx) =>
        double.TryParse(serve.Split(' ')[0], CultureInfo.InvariantCulture, out var s) && double.TryParse(nginx.Split(' ')[0], CultureInfo.InvariantCulture, out var n) && n > 0
            ? (s / n).ToString("F2", CultureInfo.InvariantCulture)
            : "-";

    /// <summary>The file and, beside it, its .gz and .br as serve encodes them (nginx's *_static serve those).</summary>
    private static void WriteEncoded(string folder, string name, byte[] bytes)
    {
        var bodies = new ContentBodies(bytes, () => { });
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        if (bodies.In(ContentCoding.Gzip) is { } gzip) File.WriteAllBytes(Path.Combine(folder, name + ".gz"), gzip);
        if (bodies.In(ContentCoding.Brotli) is { } brotli) File.WriteAllBytes(Path.Combine(folder, name + ".br"), brotli);
    }

    /// <summary>Universe's universe.json with a copy of its first package renamed, so the merged /repo shows whether it was merged.</summary>
    private static byte[] WithDcosOnlyPackage(string reference)
    {
        using var gzip = new GZipStream(File.OpenRead(reference), CompressionMode.Decompress);
        var universe = JsonNode.Parse(gzip)!.AsObject();
        var packages = universe["packages"]!.AsArray();
        var extra = packages[0]!.DeepClone();
        extra["name"] = DcosOnly;
        extra["minDcosReleaseVersion"] = "1.8";
        packages.Add(extra);
        return System.Text.Encoding.UTF8.GetBytes(universe.ToJsonString());
    }
}
