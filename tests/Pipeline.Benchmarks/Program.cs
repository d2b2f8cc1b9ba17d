using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// Prints wall time and peak memory of whole `universe validate` and `universe build` processes on
/// the Universe corpus and on synthetic trees 10× and 100× its size.
/// Then the static site's build time and sizes (<see cref="SiteBenchmark"/>); `--only site` prints those alone.
/// Then a pull request touching one package on each tree (<see cref="PullRequestBenchmark"/>); `--only pull-request` prints that alone.
/// Then what a baseline costs validate (<see cref="BaselineBenchmark"/>); `--only baseline` prints that alone.
/// Then `universe serve` under load (<see cref="ServeBenchmark"/>); `--only serve` prints that alone.
/// Then serve next to nginx under wrk (<see cref="Throughput.ServeVersusNginxBenchmark"/>); `--only serve-nginx` prints that alone.
/// `mirror --assets` of the corpus (2 GB of generated files) from a local server at concurrency 1 and 4
/// (<see cref="MirrorBenchmark"/>) only with `--only mirror`: it takes minutes.
/// How fast `serve PATH` picks up an edit of the corpus (<see cref="FollowBenchmark"/>) only with `--only follow`.
/// The action's image (<see cref="ImageBenchmark"/>) only with `--only image`: it builds the Dockerfile with podman.
/// The upgrade rules over every consecutive pair of corpus revisions (<see cref="UpgradeBenchmark"/>) only with `--only upgrades` (`--examples N` prints N findings of each rule).
/// Usage: dotnet run -c Release --project tests/Pipeline.Benchmarks [-- --factors 1,10,100 --runs 3 --only site|pull-request|baseline|serve|serve-nginx|mirror|follow|image|upgrades]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var factors = Option(args, "--factors", "1,10,100").Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var repo = RepositoryRoot();
        if (Option(args, "--only", "") == "image")
        {
            ImageBenchmark.RunAsync(int.Parse(Option(args, "--runs", "7"), CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
            return 0;
        }
        var corpus = Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus", "universe", "repo"));
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"benchmark: the Universe corpus is not at {corpus}; it needs ../shared beside the checkout");
            return 2;
        }
        if (Option(args, "--only", "") == "site")
        {
            SiteBenchmark.Run(corpus, runs);
            return 0;
        }
        if (Option(args, "--only", "") == "serve")
        {
            ServeBenchmark.RunAsync(repo, corpus).GetAwaiter().GetResult();
            return 0;
        }
        if (Option(args, "--only", "") == "mirror")
        {
            MirrorBenchmark.RunAsync(repo, corpus).GetAwaiter().GetResult();
            return 0;
        }
        if (Option(args, "--only", "") == "serve-nginx")
        {
            Throughput.ServeVersusNginxBenchmark.RunAsync(repo, corpus).GetAwaiter().GetResult();
            return 0;
        }
        if (Option(args, "--only", "") == "follow")
        {
            FollowBenchmark.RunAsync(corpus, int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
            return 0;
        }
        if (Option(args, "--only", "") == "upgrades")
        {
            UpgradeBenchmark.Run(corpus, int.Parse(Option(args, "--examples", "0"), CultureInfo.InvariantCulture));
            return 0;
        }
        if (Option(args, "--only", "") == "pull-request")
        {
            PullRequestBenchmark.Run(PullRequestTrees(repo, corpus, factors), runs);
            return 0;
        }
        var work = Path.Combine(repo, "artifacts", "bench");
        var universe = Publish(repo, Path.Combine(work, "universe"));
        if (Option(args, "--only", "") == "baseline")
        {
            BaselineBenchmark.Run(universe, BaselineTrees(repo, corpus, factors), runs, (u, a) => Measure(u, a, null));
            return 0;
        }
        Console.WriteLine($"universe: {universe}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; runs per figure: {runs} (median)");
        Console.WriteLine();
        Console.WriteLine($"{"tree",-8} {"revisions",9} {"command",-9} {"wall",9} {"per revision",13} {"peak memory",12} {"exit",5}");
        foreach (var factor in factors)
        {
            var tree = factor == 1 ? corpus : SyntheticTree.Ensure(corpus, factor, Path.Combine(work, $"tree-x{factor}"));
            var revisions = Directory.GetDirectories(Path.Combine(tree, "packages"), "*", SearchOption.AllDirectories)
                .Count(d => File.Exists(Path.Combine(d, "package.json")));
            var label = factor == 1 ? "corpus" : $"{factor}x";
            var output = Path.Combine(work, $"out-x{factor}");
            // Big trees: one run each, no warm-up; their figures are about growth, not noise.
            var runsHere = factor >= 10 ? 1 : runs;
            Report(label, revisions, "validate", runsHere, universe, ["validate", tree, "--format", "json", "--output", Path.Combine(work, $"report-x{factor}.json")]);
            // The build streams its outputs (bounded memory), but they take ~0.32 GB of disk per
            // corpus: a size is skipped when the disk has not room for it with a margin.
            var needed = (long)(factor * 0.32 * 1.25 * 1024 * 1024 * 1024);
            var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(work))!).AvailableFreeSpace;
            if (free < needed)
            {
                Console.WriteLine($"{label,-8} {revisions,9} {"build",-9} skipped: outputs would be ~{factor * 0.32:F0} GB and the disk has {free / (1024.0 * 1024 * 1024):F0} GB free");
                continue;
            }
            // The site is measured on its own below; this is the index and repository files.
            Report(label, revisions, "build", runsHere, universe, ["build", tree, "--output", output, "--no-site"], output);
            Directory.Delete(output, recursive: true);
        }
        Console.WriteLine("(each run starts with an empty output folder and earlier writes flushed to disk)");
        Console.WriteLine();
        SiteBenchmark.Run(corpus, runs);
        Console.WriteLine();
        PullRequestBenchmark.Run(PullRequestTrees(repo, corpus, factors), runs);
        Console.WriteLine();
        BaselineBenchmark.Run(universe, BaselineTrees(repo, corpus, factors), runs, (u, a) => Measure(u, a, null));
        Console.WriteLine();
        ServeBenchmark.RunAsync(repo, corpus).GetAwaiter().GetResult();
        Console.WriteLine();
        Throughput.ServeVersusNginxBenchmark.RunAsync(repo, corpus).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Writable trees for the baseline figures: a copy of the corpus (../shared is read-only) and the synthetic ones.</summary>
    private static (string, string)[] BaselineTrees(string repo, string corpus, int[] factors) =>
        [.. factors.Where(f => f <= 10).Select(f => (f == 1 ? "corpus" : $"{f}x", SyntheticTree.Ensure(corpus, f, Path.Combine(repo, "artifacts", "bench", $"tree-x{f}"))))];

    private static (string, string)[] PullRequestTrees(string repo, string corpus, int[] factors) =>
        [.. factors.Select(f => (f == 1 ? "corpus" : $"{f}x", f == 1 ? corpus : SyntheticTree.Ensure(corpus, f, Path.Combine(repo, "artifacts", "bench", $"tree-x{f}"))))];

    private static void Report(string label, int revisions, string command, int runs, string universe, string[] arguments, string? output = null)
    {
        // One warm-up run so the file cache holds the tree, as it does for a repeated CI job.
        if (runs > 1) Measure(universe, arguments, output);
        var measurements = Enumerable.Range(0, runs).Select(_ => Measure(universe, arguments, output)).OrderBy(m => m.Wall).ToArray();
        var median = measurements[measurements.Length / 2];
        var peak = measurements.Max(m => m.PeakBytes);
        var perRevision = median.Wall.TotalMicroseconds / Math.Max(1, revisions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-8} {revisions,9} {command,-9} {median.Wall.TotalSeconds,8:F3}s {perRevision,10:F0} µs {peak / 1048576.0,9:F0} MB {median.ExitCode,5}"));
    }

    /// <summary>
    /// One run from the state a CI job starts in: an empty output folder, and no writes of an
    /// earlier run still waiting to reach the disk. Without this, a build run shared the disk with
    /// the write-back of the previous run's 300 MB (30 GB at 100×) and its time swung by a third.
    /// </summary>
    private static Measurement Measure(string universe, string[] arguments, string? output)
    {
        if (output is not null && Directory.Exists(output)) Directory.Delete(output, recursive: true);
        FlushToDisk();
        return ProcessMeasurement.Run(universe, arguments);
    }

    private static void FlushToDisk()
    {
        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync command (not Linux): runs may then share the disk with earlier writes.
        }
    }

    private static string Publish(string repo, string output)
    {
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repo, "src", "Pipeline.Cli"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{log}");
        return Path.Combine(output, "universe");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
