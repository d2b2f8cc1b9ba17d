using Pipeline.Changes.ChangeSets;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Changes.Base;

/// <summary>One revision as it is on the base branch: its number, its package.json name and version, its files.</summary>
public sealed record BaseRevision(int ReleaseVersion, string? Name, string? Version, IReadOnlyList<string> Files)
{
    public bool HasFile(string name) => Files.Contains(name, StringComparer.Ordinal);
}

/// <summary>
/// What the base branch holds for the packages a pull request touches, and only those, so that
/// reading it costs as much as the touched packages, not the tree.
/// </summary>
public sealed class BaseView
{
    private readonly IReadOnlyDictionary<PackageLocation, IReadOnlyList<BaseRevision>> _packages;

    public BaseView(IReadOnlyDictionary<PackageLocation, IReadOnlyList<BaseRevision>> packages, bool versionsComplete)
    {
        _packages = packages;
        VersionsComplete = versionsComplete;
    }

    public static BaseView Empty { get; } = new(new Dictionary<PackageLocation, IReadOnlyList<BaseRevision>>(), versionsComplete: true);

    /// <summary>
    /// False when the view was inferred from a file list: revisions the pull request deletes or
    /// changes the package.json of have no known version, so version reuse is checked against fewer.
    /// </summary>
    public bool VersionsComplete { get; }

    public IEnumerable<PackageLocation> Packages => _packages.Keys;

    /// <summary>The base branch's universe-baseline.json (none unless a reader found one).</summary>
    public BaselineOnBase Baseline { get; init; } = BaselineOnBase.Absent;

    /// <summary>The base branch's universe.yaml, whose policies (policies.bump) apply to the pull request.</summary>
    public SettingsOnBase Settings { get; init; } = SettingsOnBase.Unknown;

    /// <summary>The package's revisions on the base in release-version order; empty when it is not there.</summary>
    public IReadOnlyList<BaseRevision> RevisionsOf(PackageLocation package) =>
        _packages.TryGetValue(package, out var revisions) ? revisions : [];

    public BaseRevision? Find(RevisionLocation revision) =>
        RevisionsOf(revision.Package).FirstOrDefault(r => r.ReleaseVersion == revision.ReleaseVersion);

    /// <summary>
    /// The fallback when the base commit is not at hand (a shallow clone): the head checkout at
    /// <paramref name="root"/> less what the pull request added, plus what it deleted or moved away.
    /// A package.json the pull request did not touch is the base's; others' versions are unknown.
    /// </summary>
    public static BaseView Infer(string root, ChangeSet changes)
    {
        var packages = new Dictionary<PackageLocation, IReadOnlyList<BaseRevision>>();
        var complete = true;
        foreach (var package in changes.Packages)
        {
            var revisions = new SortedDictionary<int, BaseRevision>();
            var folder = Path.Combine(root, package.Directory);
            var onHead = Directory.Exists(folder) ? Directory.GetDirectories(folder) : [];
            foreach (var directory in onHead)
            {
                var relative = $"{package.Directory}/{Path.GetFileName(directory)}";
                if (PackagePath.RevisionOf(relative) is not { } revision) continue;
                var headFiles = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().ToArray();
                var files = new List<string>();
                foreach (var name in headFiles)
                {
                    var path = $"{relative}/{name}";
                    // Unchanged or modified files were on the base; added or moved-in ones were not.
                    if (!changes.Files.Any(f => f.Path == path && f.Status is ChangeStatus.Added or ChangeStatus.Renamed)) files.Add(name);
                }
                files.AddRange(LeftFrom(changes, revision).Select(Path.GetFileName).OfType<string>());
                if (files.Count == 0) continue;
                string? packageName = null, version = null;
                var packageJson = $"{relative}/package.json";
                if (files.Contains("package.json") && !changes.Changes(packageJson) && ReadInTree(root, Path.Combine(directory, "package.json"), MaxPackageJsonBytes) is { } content)
                {
                    (packageName, version) = PackageIdentity.Read(content);
                }
                else
                {
                    complete = false;
                }
                revisions[revision.ReleaseVersion] = new BaseRevision(revision.ReleaseVersion, packageName, version, [.. files.Distinct().Order(StringComparer.Ordinal)]);
            }
            // Revisions deleted or moved away whole are no longer on disk.
            foreach (var revision in changes.Revisions.Where(r => r.Package == package && !revisions.ContainsKey(r.ReleaseVersion)))
            {
                var left = LeftFrom(changes, revision).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
                if (left.Length == 0) continue;
                complete = false;
                revisions[revision.ReleaseVersion] = new BaseRevision(revision.ReleaseVersion, null, null, left);
            }
            if (revisions.Count > 0) packages[package] = [.. revisions.Values];
        }
        // Left alone by the pull request, the head's universe.yaml is the base's; changed, the base's is not in a shallow clone.
        var settings = changes.Files.Any(f => f.Paths().Any(p => p == Pipeline.Packages.Settings.RepositorySettingsReader.FileName)) ? SettingsOnBase.Unknown : SettingsOnBase.SameAsHead;
        return new BaseView(packages, complete) { Baseline = InferBaseline(root, changes), Settings = settings };
    }

    /// <summary>
    /// The head's universe-baseline.json is the base's when the pull request leaves it alone; when
    /// it changes the file, what it was on the base is not in a shallow clone.
    /// </summary>
    private static BaselineOnBase InferBaseline(string root, ChangeSet changes)
    {
        // The change set's paths are the universe's (the action strips the repository prefix), so
        // the file is matched exactly: a file of that name elsewhere is not the baseline.
        const string name = Diagnostics.Baselines.Baseline.FileName;
        if (changes.Files.Any(f => f.Paths().Any(p => p == name))) return BaselineOnBase.Unknown;
        var info = new FileInfo(Path.Combine(root, Diagnostics.Baselines.Baseline.FileName));
        if (!info.Exists || info.LinkTarget is not null) return BaselineOnBase.Absent;
        // The head's own reading reports a file that cannot be read; the base then accepts nothing.
        return BoundedFile.Read(info.FullName, Validation.Baselines.BaselineFile.MaxBytes).Content is { } content
            ? BaselineOnBase.Of(content)
            : BaselineOnBase.Absent;
    }

    // package.json is read only for its name and version, within the tree reader's limit for package files.
    private static readonly long MaxPackageJsonBytes = new TreeReaderOptions().MaxFileBytes;

    /// <summary>A file of the head checkout, bounded, and not through a link out of the tree; null when it cannot be had.</summary>
    private static byte[]? ReadInTree(string root, string path, long maxBytes) =>
        TreeLink.Refusal(new FileInfo(path), root, Path.GetFileName(path)) is null ? BoundedFile.Read(path, maxBytes).Content : null;

    /// <summary>Paths in the revision that the pull request deletes or moves away: they were on the base.</summary>
    private static IEnumerable<string> LeftFrom(ChangeSet changes, RevisionLocation revision) =>
        changes.FilesOf(revision)
            .Select(f => f.Status == ChangeStatus.Deleted ? f.Path : f.Status == ChangeStatus.Renamed ? f.PreviousPath : null)
            .OfType<string>()
            .Where(p => PackagePath.RevisionOf(p) == revision);
}
