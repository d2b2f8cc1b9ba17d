namespace Pipeline.Changes.ChangeSets;

/// <summary>Where a change set came from.</summary>
public enum ChangeSource
{
    /// <summary>A diff of the merge base and the head commit, with rename detection.</summary>
    Git,

    /// <summary>The pull request's file list from GitHub (the fallback for shallow clones).</summary>
    FileList,
}

/// <summary>
/// What a pull request changes: its files, the package revisions they touch (either side of a
/// rename) and the files outside <c>packages/</c>, which are listed but not validated as packages.
/// </summary>
public sealed class ChangeSet
{
    private ChangeSet(ChangeSource source, IReadOnlyList<ChangedFile> files)
    {
        Source = source;
        Files = files;
        var revisions = new SortedSet<RevisionLocation>(Comparer<RevisionLocation>.Create(Compare));
        var packages = new SortedSet<PackageLocation>(Comparer<PackageLocation>.Create(Compare));
        var outside = new List<ChangedFile>();
        foreach (var file in files)
        {
            if (!file.Paths().Any(PackagePath.IsInPackages)) outside.Add(file);
            foreach (var path in file.Paths())
            {
                if (PackagePath.PackageOf(path) is { } package && path.Length > package.Directory.Length) packages.Add(package);
                if (PackagePath.RevisionOf(path) is { } revision) revisions.Add(revision);
            }
        }
        Revisions = [.. revisions];
        Packages = [.. packages];
        OutsidePackages = outside;
    }

    public ChangeSource Source { get; }

    /// <summary>Every changed file, in path order.</summary>
    public IReadOnlyList<ChangedFile> Files { get; }

    /// <summary>Revision folders with a changed file, on either side of a rename.</summary>
    public IReadOnlyList<RevisionLocation> Revisions { get; }

    /// <summary>Package folders with a changed file, on either side of a rename.</summary>
    public IReadOnlyList<PackageLocation> Packages { get; }

    /// <summary>Changed files wholly outside <c>packages/</c> (README, workflows, universe.yaml …).</summary>
    public IReadOnlyList<ChangedFile> OutsidePackages { get; }

    /// <summary>The changes whose path or previous path lies in a revision folder.</summary>
    public IEnumerable<ChangedFile> FilesOf(RevisionLocation revision) =>
        Files.Where(f => f.Paths().Any(p => PackagePath.RevisionOf(p) == revision));

    /// <summary>The changes whose path or previous path lies in a package folder.</summary>
    public IEnumerable<ChangedFile> FilesOf(PackageLocation package) =>
        Files.Where(f => f.Paths().Any(p => PackagePath.PackageOf(p) == package));

    public bool Changes(string path) => Files.Any(f => f.Paths().Contains(path));

    public static ChangeSet FromFiles(IEnumerable<ChangedFile> files, ChangeSource source = ChangeSource.FileList)
    {
        var normalized = files
            .Select(f => f with { Path = Normalize(f.Path), PreviousPath = f.Status == ChangeStatus.Renamed && f.PreviousPath is { } p ? Normalize(p) : null })
            // A rename without its previous path (an incomplete list) is an addition.
            .Select(f => f.Status == ChangeStatus.Renamed && f.PreviousPath is null ? f with { Status = ChangeStatus.Added } : f)
            .DistinctBy(f => (f.Path, f.PreviousPath))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.PreviousPath, StringComparer.Ordinal)
            .ToArray();
        return new ChangeSet(source, normalized);
    }

    /// <summary>
    /// Git and GitHub separate with '/' only: a backslash is part of a name (which the layout
    /// rules report, UNI015), never a separator, so it is kept — turning it into '/' would move
    /// the file into another package, or out of every package, and hide it from validation.
    /// </summary>
    private static string Normalize(string path) => path.TrimStart('/');

    private static int Compare(PackageLocation a, PackageLocation b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.Letter, b.Letter);
    }

    private static int Compare(RevisionLocation a, RevisionLocation b)
    {
        var byPackage = Compare(a.Package, b.Package);
        return byPackage != 0 ? byPackage : a.ReleaseVersion.CompareTo(b.ReleaseVersion);
    }
}
