using Pipeline.Changes.Base;
using Pipeline.Changes.Bumps;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Rules;
using Pipeline.Changes.Upgrades;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Changes;

/// <summary>
/// Validates a pull request: the packages it touches in full (layout, files, semantics,
/// templates), the change rules against the base, and the reader's cheap whole-tree layout
/// checks, so that its cost follows the size of the change and not of the tree.
/// </summary>
public static class ChangeValidation
{
    private const string SettingsFile = "universe.yaml";

    /// <param name="root">The head checkout's repository root (the folder holding packages/).</param>
    /// <param name="changes">What the pull request changes, from Git or from GitHub's file list.</param>
    /// <param name="baseView">The base branch's view of the touched packages.</param>
    /// <param name="labels">The pull request's labels; the allow label is the repository's policies.allowEditLabel.</param>
    /// <param name="allowEditLabel">The label that allows editing released revisions; null = universe.yaml's
    /// policies.allowEditLabel. The action passes its input here, so a pull request cannot rename the
    /// label through its own universe.yaml.</param>
    /// <param name="origin">The pull request's author and body: bump metadata in the body makes it a bump, checked against policies.bump (UNI412).</param>
    public static ChangeValidationResult Validate(string root, ChangeSet changes, BaseView baseView, IReadOnlyCollection<string> labels, string? allowEditLabel = null,
        PullRequestOrigin? origin = null)
    {
        // A changed universe.yaml changes the rules for every package (policies), so the whole
        // tree is validated; it is rare and a maintainer's change. A changed universe-baseline.json
        // does not: the baseline only decides which findings are accepted, never what is found.
        var wholeTree = changes.OutsidePackages.Any(f => f.Paths().Contains(SettingsFile));
        var headBaseline = BaselineFile.Read(root);
        // Entries the pull request drops from the base's baseline: their revisions are validated too,
        // so that dropping an entry whose finding is still there fails here, not at the next publish.
        var trusted = BaselineRules.Trusted(baseView.Baseline);
        var dropped = DroppedRevisions(headBaseline, trusted);
        var folders = wholeTree ? null : changes.Packages.Select(p => (p.Letter, p.Name)).Concat(dropped.Select(r => (r.Package.Letter, r.Package.Name))).Distinct().ToArray();
        var tree = PackageTreeReader.Read(root, new TreeReaderOptions { OnlyPackageFolders = folders });
        var validated = TreeValidator.Validate(tree);

        var allowLabel = allowEditLabel ?? tree.Settings.Policies.AllowEditLabel;
        var allowedBy = labels.FirstOrDefault(l => string.Equals(l, allowLabel, StringComparison.OrdinalIgnoreCase));
        var head = new HeadView(tree);
        bool InScope(string? file) => wholeTree || Concerns(file, changes, dropped);
        var diagnostics = new List<Diagnostic>(validated.Diagnostics.Where(d => d.Code != RuleCatalog.NoPackages.Code || wholeTree).Where(d => InScope(d.File)));
        UnportableNames(changes, diagnostics);
        var renames = ChangeRules.Check(changes, baseView, head, allowedBy, diagnostics);
        var upgrades = UpgradePairs.Find(changes, baseView, head, renames.Values.ToHashSet());
        UpgradeRules.Check(upgrades, allowedBy, diagnostics);
        var bump = BumpCheck.Check(origin, changes, baseView, head, tree.Settings, diagnostics);
        var baseline = BaselineRules.Check(headBaseline, trusted, allowedBy, diagnostics);
        var packages = Summarize(changes, baseView, head, renames);
        var report = new ValidationReport(tree.Root, validated.PackageCount, validated.RevisionCount, ValidationReport.Sort(diagnostics));
        report = BaselineMatch.Apply(report, baseline, headBaseline.Problems, file => InScope(file));
        return new ChangeValidationResult(report, packages, changes.OutsidePackages, allowedBy, wholeTree) { Upgrades = upgrades, Bump = bump, DescriptorDiffs = DescriptorDiffs.Of(upgrades) };
    }

    /// <summary>
    /// Whether a diagnostic of the partial tree belongs in the pull request's report: those of
    /// the changed revisions and of the touched package folders themselves, and those outside any
    /// package (settings, letter folders), and those of revisions whose baseline entries the pull
    /// request drops. Findings in a touched package's untouched revisions were there before the
    /// pull request and are not its doing; the tree-wide "no revisions" finding means nothing for
    /// a partial read.
    /// </summary>
    private static bool Concerns(string? file, ChangeSet changes, IReadOnlySet<RevisionLocation> dropped)
    {
        if (file is null || PackagePath.PackageOf(file) is not { } package) return true;
        if (PackagePath.RevisionOf(file) is { } inRevision && dropped.Contains(inRevision)) return true;
        if (file == package.Directory) return changes.Packages.Contains(package);
        if (!changes.Packages.Contains(package)) return false;
        return PackagePath.RevisionOf(file) is not { } revision || changes.Revisions.Contains(revision);
    }

    /// <summary>
    /// A changed path under packages/ with a name that cannot be a package path is reported at
    /// that name (UNI015), whether or not the reader met it (a deleted file, a letter folder the
    /// partial read does not list), so no such change passes unnoticed.
    /// </summary>
    private static void UnportableNames(ChangeSet changes, List<Diagnostic> diagnostics)
    {
        var reported = diagnostics.Where(d => d.Code == RuleCatalog.UnportablePathName.Code).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        foreach (var path in changes.Files.SelectMany(f => f.Paths()).Where(PackagePath.IsInPackages))
        {
            if (PortablePath.Diagnose(path) is { } unportable && reported.Add(unportable.File)) diagnostics.Add(unportable);
        }
    }

    private static IReadOnlySet<RevisionLocation> DroppedRevisions(BaselineFileResult head, Baseline? trusted) =>
        trusted is null
            ? new HashSet<RevisionLocation>()
            : trusted.Beyond(head.Baseline ?? Baseline.Empty).Select(e => PackagePath.RevisionOf(e.File)).OfType<RevisionLocation>().ToHashSet();

    private static List<PackageChange> Summarize(ChangeSet changes, BaseView baseView, HeadView head,
        IReadOnlyDictionary<PackageLocation, PackageLocation> renames)
    {
        var renamedAway = renames.Values.ToHashSet();
        var result = new List<PackageChange>();
        foreach (var package in changes.Packages)
        {
            if (renamedAway.Contains(package)) continue;
            var touched = changes.Revisions.Where(r => r.Package == package).ToArray();
            var onBase = baseView.RevisionsOf(package).Select(r => r.ReleaseVersion).ToHashSet();
            var onHead = head.RevisionsOf(package);
            int[] added = [.. touched.Where(r => !onBase.Contains(r.ReleaseVersion) && head.Has(r)).Select(r => r.ReleaseVersion)];
            int[] changed = [.. touched.Where(r => onBase.Contains(r.ReleaseVersion) && head.Has(r)).Select(r => r.ReleaseVersion)];
            int[] removed = [.. touched.Where(r => onBase.Contains(r.ReleaseVersion) && !head.Has(r)).Select(r => r.ReleaseVersion)];
            var kind = renames.ContainsKey(package) ? PackageChangeKind.Rename
                : onBase.Count == 0 && onHead.Count > 0 ? PackageChangeKind.NewPackage
                : onBase.Count > 0 && onHead.Count == 0 ? PackageChangeKind.Removal
                : PackageChangeKind.Update;
            if (kind == PackageChangeKind.Update && onBase.Count == 0) continue; // nothing there before or after
            result.Add(new PackageChange(package, kind, added, changed, removed, renames.TryGetValue(package, out var from) ? from : null));
        }
        return result;
    }
}
