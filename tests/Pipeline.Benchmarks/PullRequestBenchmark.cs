using System.Diagnostics;
using System.Globalization;
using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes;

namespace Pipeline.Benchmarks;

/// <summary>
/// A pull request touching one package, validated in this process against the corpus and the
/// synthetic trees: the figure should not grow with the tree (DESIGN §10). The change set comes
/// from a file list, as in a shallow clone, and presents kafka's highest revision as the one the
/// pull request adds, so no tree is written to. The touched package folders are read straight
/// from their paths (TreeReaderOptions.OnlyPackageFolders): nothing else of the tree is listed.
/// </summary>
internal static class PullRequestBenchmark
{
    private const string Package = "kafka";

    public static void Run(IReadOnlyList<(string Label, string Tree)> trees, int runs)
    {
        Console.WriteLine($"{"tree",-8} {"command",-13} {"wall",9} {"validated",10} {"diagnostics",12}");
        foreach (var (label, tree) in trees)
        {
            var folder = Path.Combine(tree, "packages", "K", Package);
            var highest = Directory.GetDirectories(folder).Select(Path.GetFileName).Select(n => int.Parse(n!, CultureInfo.InvariantCulture)).Max();
            var revision = $"packages/K/{Package}/{highest}";
            var changes = ChangeSet.FromFiles(Directory.GetFiles(Path.Combine(tree, revision))
                .Select(f => new ChangedFile($"{revision}/{Path.GetFileName(f)}", ChangeStatus.Added)));

            // One warm-up run so the file cache holds the package, as it does for a repeated CI job.
            var result = Validate(tree, changes);
            var walls = Enumerable.Range(0, Math.Max(1, runs)).Select(_ => Time(() => result = Validate(tree, changes))).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-8} {"pull-request",-13} {walls[walls.Length / 2].TotalSeconds,8:F3}s {result.Report.RevisionCount,6} rev {result.Report.Diagnostics.Count,12}"));
        }
    }

    private static ChangeValidationResult Validate(string tree, ChangeSet changes) =>
        ChangeValidation.Validate(tree, changes, BaseView.Infer(tree, changes), []);

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
