using Pipeline.Build.Revisions;
using Pipeline.Packages.Settings;
using Pipeline.Packages;

namespace Pipeline.Build.Index;

/// <summary>Builds index.json from the built revisions, grouped by package in release order.</summary>
internal static class IndexBuilder
{
    public static RepositoryIndex Build(RepositorySettings settings, string? sourceCommit, IReadOnlyList<IReadOnlyList<BuiltRevision>> packages)
    {
        var entries = new List<IndexPackage>(packages.Count);
        foreach (var revisions in packages) entries.Add(PackageOf(revisions));
        return Build(settings, sourceCommit, entries);
    }

    public static RepositoryIndex Build(RepositorySettings settings, string? sourceCommit, IReadOnlyList<IndexPackage> packages) =>
        new(
            RepositoryIndex.CurrentFormatVersion,
            new IndexRepository(settings.Name, settings.Description),
            new IndexProvenance(sourceCommit),
            packages);

    /// <summary>A package's entry: small, so a streamed build keeps it after dropping the revisions.</summary>
    public static IndexPackage PackageOf(IReadOnlyList<BuiltRevision> revisions)
    {
        var latest = revisions[^1];
        var summary = latest.Facts.Summary;
        var versions = new List<IndexVersion>(revisions.Count);
        for (var i = revisions.Count - 1; i >= 0; i--) versions.Add(VersionOf(revisions[i]));
        return new IndexPackage(
            latest.Name,
            summary.Description,
            summary.Tags,
            summary.Maintainer,
            summary.Framework,
            summary.Selected,
            new IndexLatest(latest.Facts.Version, latest.Revision.ReleaseVersion),
            versions);
    }

    private static IndexVersion VersionOf(BuiltRevision revision)
    {
        var facts = revision.Facts;
        return new IndexVersion(
            facts.Version,
            revision.Revision.ReleaseVersion,
            facts.PackagingVersion,
            facts.MinDcosReleaseVersion,
            facts.Descriptors,
            facts.HasCli,
            facts.FileHashes);
    }
}
