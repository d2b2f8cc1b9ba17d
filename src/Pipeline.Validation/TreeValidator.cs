using System.Collections.Concurrent;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Validation.Layout;
using Pipeline.Validation.Files;
using Pipeline.Validation.Rules;

namespace Pipeline.Validation;

/// <summary>
/// Validates a whole tree: the reader's layout findings (<see cref="LayoutRules"/>), then every revision of every package
/// (packages in parallel), then the rules across a package's revisions. Never stops early.
/// </summary>
public static class TreeValidator
{
    public static ValidationReport Validate(PackageTree tree)
    {
        var packages = tree.Packages().ToArray();
        var results = new ConcurrentBag<List<Diagnostic>>();
        var cache = new ContentCache();
        // Biggest packages first, handed out one at a time: in tree order a big package late in
        // the alphabet (kafka has 57 revisions) kept one core busy alone at the end while the
        // other waited. The report is sorted afterwards, so the order of work does not show.
        var largestFirst = packages.OrderByDescending(p => p.Count()).ThenBy(p => p.Key, StringComparer.Ordinal);
        Parallel.ForEach(
            Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new ReadArena(),
            (package, _, arena) =>
            {
                var diagnostics = new List<Diagnostic>();
                var versions = new List<RevisionVersions>();
                foreach (var scanned in package)
                {
                    // Contents are read revision by revision into the worker's arena, and only the
                    // few facts the package-wide rules need are kept: memory stays flat whatever the
                    // size of the tree or of a package.
                    var revision = scanned.Load(arena);
                    UnreadableFiles.Report(revision, diagnostics);
                    var documents = RevisionValidator.Validate(revision, tree.Settings, cache, diagnostics);
                    if (PackageSetRules.Facts(documents) is { } facts) versions.Add(facts);
                    // Nothing made from this revision's contents is used past here.
                    arena.Reset();
                }
                PackageSetRules.Check(versions, diagnostics);
                // Bounded per package, before they pile up: a file cannot flood the report.
                results.Add(FindingLimit.Apply(ValidationReport.Sort(diagnostics)));
                return arena;
            },
            _ => { });
        // The reader's findings are bounded here; each package's were bounded by its worker (a file
        // belongs to one package), so the whole report is sorted once and not limited again.
        var all = FindingLimit.Apply(ValidationReport.Sort(LayoutRules.Check(tree)));
        foreach (var diagnostics in results) all.AddRange(diagnostics);
        if (tree.Revisions.Count == 0)
        {
            all.Add(RuleCatalog.NoPackages.At(TreeLocator.PackagesFolder, "the packages/ folder holds no package revisions"));
        }
        return new ValidationReport(tree.Root, packages.Length, tree.Revisions.Count, ValidationReport.Sort(all));
    }
}
