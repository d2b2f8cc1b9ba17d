using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// What a baseline costs: whole `universe validate` processes on a copy of a tree, with the
/// baseline that `universe baseline` made of it and with `--no-baseline`, runs interleaved so both
/// see the same machine. The target is at most 5 % more with the baseline. The corpus in ../shared
/// is read-only, so the baseline is made in a copy; each synthetic tree gets its baseline for the
/// measurement and loses it afterwards, so the other figures stay those of a tree without one.
/// </summary>
internal static class BaselineBenchmark
{
    public static void Run(string universe, IReadOnlyList<(string Label, string Tree)> trees, int runs, Func<string, string[], Measurement> measure)
    {
        Console.WriteLine($"{"tree",-8} {"accepted",9} {"without",9} {"with",9} {"overhead",9} {"min without",12} {"min with",9} {"overhead",9}");
        foreach (var (label, tree) in trees)
        {
            var baselineFile = Path.Combine(tree, "universe-baseline.json");
            var made = ProcessMeasurement.Run(universe, ["baseline", tree]);
            if (made.ExitCode != 0 || !File.Exists(baselineFile))
            {
                Console.WriteLine($"{label,-8} `universe baseline` failed (exit {made.ExitCode}); no figure");
                continue;
            }
            try
            {
                var report = Path.Combine(Path.GetTempPath(), $"baseline-bench-{Guid.NewGuid():N}.json");
                string[] with = ["validate", tree, "--format", "json", "--output", report];
                string[] without = [.. with, "--no-baseline"];
                // One warm-up of each so the file cache holds the tree.
                measure(universe, without);
                measure(universe, with);
                var plain = new List<TimeSpan>();
                var baselined = new List<TimeSpan>();
                // The difference sought (a few per cent) is within one run's noise on a shared
                // machine: at least 15 interleaved pairs, and the minimum beside the median.
                for (var run = 0; run < Math.Max(15, runs); run++)
                {
                    plain.Add(measure(universe, without).Wall);
                    baselined.Add(measure(universe, with).Wall);
                }
                File.Delete(report);
                var (read, match) = InProcess(tree);
                var a = Median(plain);
                var b = Median(baselined);
                var minA = plain.Min();
                var minB = baselined.Min();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label,-8} {Entries(baselineFile),9} {a.TotalSeconds,8:F3}s {b.TotalSeconds,8:F3}s {(b.TotalSeconds / a.TotalSeconds - 1) * 100,8:+0.0;-0.0}% {minA.TotalSeconds,11:F3}s {minB.TotalSeconds,8:F3}s {(minB.TotalSeconds / minA.TotalSeconds - 1) * 100,8:+0.0;-0.0}%"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"",-8} in process: reading the baseline {read.TotalMilliseconds:F1} ms, matching the findings {match.TotalMilliseconds:F1} ms (best of 5)"));
            }
            finally
            {
                File.Delete(baselineFile);
            }
        }
    }

    /// <summary>The baseline's own work, timed in this process: reading the file, and matching a validation's findings.</summary>
    private static (TimeSpan Read, TimeSpan Match) InProcess(string tree)
    {
        var report = Pipeline.Validation.TreeValidator.Validate(Pipeline.Packages.Reading.PackageTreeReader.Read(tree, new Pipeline.Packages.Reading.TreeReaderOptions { LoadContent = false }));
        var read = TimeSpan.MaxValue;
        var match = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var file = Pipeline.Validation.Baselines.BaselineFile.Read(tree);
            read = TimeSpan.FromTicks(Math.Min(read.Ticks, watch.Elapsed.Ticks));
            watch.Restart();
            Pipeline.Diagnostics.Baselines.BaselineMatch.Apply(report, file.Baseline, file.Problems);
            match = TimeSpan.FromTicks(Math.Min(match.Ticks, watch.Elapsed.Ticks));
        }
        return (read, match);
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The accepted findings the baseline holds (the sum of its counts).</summary>
    private static int Entries(string baselineFile)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(baselineFile));
        var total = 0;
        if (document.RootElement.TryGetProperty("entries", out var entries) && entries.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                total += entry.TryGetProperty("count", out var count) && count.TryGetInt32(out var n) ? n : 1;
            }
        }
        return total;
    }
}
