using Pipeline.Changes.ChangeSets;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Changes.Rules;

/// <summary>The touched packages as the pull request's head has them, from the tree read for validation.</summary>
internal sealed class HeadView
{
    private readonly Dictionary<RevisionLocation, PackageRevision> _revisions = [];

    public HeadView(PackageTree tree)
    {
        foreach (var revision in tree.Revisions)
        {
            if (PackagePath.RevisionOf(revision.RelativeDirectory) is { } location) _revisions[location] = revision;
        }
    }

    public PackageRevision? Find(RevisionLocation revision) => _revisions.GetValueOrDefault(revision);

    public bool Has(RevisionLocation revision) => _revisions.ContainsKey(revision);

    public IReadOnlyList<int> RevisionsOf(PackageLocation package) =>
        [.. _revisions.Keys.Where(r => r.Package == package).Select(r => r.ReleaseVersion).Order()];
}
