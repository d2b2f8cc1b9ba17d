using System.Collections.Concurrent;
using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;
using Pipeline.Packages;
using Pipeline.Validation.Rules;

namespace Pipeline.Validation;

/// <summary>
/// Validates a whole tree: the reader's layout findings, then every revision of every package
/// (packages in parallel), then the rules across a package's revisions. Never stops early.
/// </summary>
public static class TreeValidator
{
    public static ValidationReport Validate(PackageTree tree)
    {
        var packages = tree.Packages().ToArray();
        var results = new ConcurrentBag<List<Diagnostic>>();
        var cache = new ContentCache();
        Parallel.ForEach(packages, package =>
        {
            var diagnostics = new List<Diagnostic>();
            var documents = new List<RevisionDocuments>();
            foreach (var scanned in package)
            {
                // Contents are read package by package and dropped after, so memory stays flat
                // whatever the size of the tree.
                var revision = scanned.Load();
                foreach (var file in revision.Files)
                {
                    if (file.LoadProblem is { } problem) diagnostics.Add(RuleCatalog.UnreadableFile.At(file.RelativePath, problem));
                }
                documents.Add(RevisionValidator.Validate(revision, tree.Settings, cache, diagnostics));
            }
            PackageSetRules.Check(documents, diagnostics);
            results.Add(diagnostics);
        });
        var all = new List<Diagnostic>(tree.Diagnostics);
        foreach (var diagnostics in results) all.AddRange(diagnostics);
        if (tree.Revisions.Count == 0)
        {
            all.Add(RuleCatalog.NoPackages.At(TreeLocator.PackagesFolder, "the packages/ folder holds no package revisions"));
        }
        return new ValidationReport(tree.Root, packages.Length, tree.Revisions.Count, ValidationReport.Sort(all));
    }
}
