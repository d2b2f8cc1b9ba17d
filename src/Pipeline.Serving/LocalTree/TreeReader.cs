using System.Globalization;
using Pipeline.Build;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Validation;
using Pipeline.Validation.Baselines;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// Reads, validates and builds the local tree once, from one reading of its files, so what is
/// judged is what is served.
/// </summary>
/// <remarks>
/// "Validates" means what <c>universe validate PATH</c> means by its exit code: the whole-tree
/// validation, with the tree's own baseline (universe-baseline.json) applied, finds no error;
/// warnings and notes do not count. A tree that does not validate still builds (its unbuildable
/// revisions are left out), which serve uses when nothing better exists.
/// </remarks>
internal static class TreeReader
{
    public static TreeReading Read(string root)
    {
        // A tree deleted (or unmounted) reads as an empty one, which validates: it is a failure instead.
        if (!Directory.Exists(Path.Combine(root, TreeLocator.PackagesFolder))) return new TreeReading(null, $"{Path.Combine(root, TreeLocator.PackagesFolder)} does not exist");
        try
        {
            var tree = PackageTreeReader.Read(root);
            var report = BaselineFile.Apply(TreeValidator.Validate(tree), root);
            var build = RepositoryBuilder.Build(tree);
            var errors = report.Diagnostics.Where(d => d.Severity == Severity.Error).ToArray();
            return new TreeReading(build, errors.Length == 0 ? null : Describe(errors));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TreeReading(null, $"the tree cannot be read: {e.Message}");
        }
    }

    /// <summary>The first error (file:line:column, rule code, message) and how many there are.</summary>
    private static string Describe(IReadOnlyList<Diagnostic> errors) =>
        string.Create(CultureInfo.InvariantCulture, $"{errors.Count} {(errors.Count == 1 ? "error" : "errors")}, the first {errors[0]}");
}
