using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Serving;
using Pipeline.Serving.LocalTree;

namespace Pipeline.Benchmarks;

/// <summary>
/// `universe serve PATH` following a copy of the corpus: the start-up build, then how long an
/// edited package.json takes to show in /index.json, through the watcher and through the 1 s
/// rescan alone (watcher off). Prints the median of <c>runs</c> edits each.
/// </summary>
internal static class FollowBenchmark
{
    public static async Task RunAsync(string corpus, int runs)
    {
        var copy = Directory.CreateTempSubdirectory("universe-follow-").FullName;
        try
        {
            CopyFolder(corpus, copy);
            // The index shows a package's latest revision: the edit goes to the first package's last one.
            var first = Directory.EnumerateDirectories(Path.Combine(copy, "packages", "A")).Order(StringComparer.Ordinal).First();
            var latest = Directory.EnumerateDirectories(first).MaxBy(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture))!;
            var package = Path.Combine(latest, "package.json");
            var name = JsonNode.Parse(File.ReadAllText(package))!["name"]!.GetValue<string>();
            Console.WriteLine($"following a copy of the corpus; each edit changes {Path.GetRelativePath(copy, package)}");
            foreach (var watch in new[] { true, false })
            {
                var start = Stopwatch.StartNew();
                await using var server = await UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", LocalTree = new LocalTreeOptions(copy) { Watch = watch } });
                var startup = start.Elapsed;
                using var client = new HttpClient { BaseAddress = server.Url };
                var times = new List<TimeSpan>();
                for (var run = 1; run <= runs; run++)
                {
                    var description = $"edit {run} {(watch ? "watched" : "rescanned")}";
                    var json = JsonNode.Parse(File.ReadAllText(package))!;
                    json["description"] = description;
                    var edit = Stopwatch.StartNew();
                    File.WriteAllText(package, json.ToJsonString());
                    while (Description(await client.GetStringAsync("index.json"), name) != description)
                    {
                        if (edit.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"the edit `{description}` was not served within a minute");
                        await Task.Delay(5);
                    }
                    times.Add(edit.Elapsed);
                }
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(watch ? "watcher + rescan" : "rescan only"),-17} start-up build {startup.TotalSeconds,6:F2} s; edit to served: median {times[times.Count / 2].TotalSeconds:F2} s, max {times[^1].TotalSeconds:F2} s over {runs} edits; generation {server.LocalTree!.Snapshot!.Generation}, {SourceStateNames.Of(server.LocalTree.State)}"));
            }
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string? Description(string index, string name) =>
        (JsonNode.Parse(index)!["packages"] as JsonArray)!.FirstOrDefault(p => (string)p!["name"]! == name)?["description"]?.GetValue<string>();

    private static void CopyFolder(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
