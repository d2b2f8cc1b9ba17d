using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Rules;

namespace Pipeline.Changes.Upgrades;

/// <summary>Finds the <see cref="UpgradePair"/>s of a pull request: every new revision of a package that has one below it.</summary>
internal static class UpgradePairs
{
    /// <param name="renamedAway">Packages a rename moved away (UNI405): their revisions are not upgrades.</param>
    public static IReadOnlyList<UpgradePair> Find(ChangeSet changes, BaseView baseView, HeadView head, IReadOnlySet<PackageLocation> renamedAway)
    {
        var pairs = new List<UpgradePair>();
        foreach (var revision in changes.Revisions.Distinct().OrderBy(r => r.Directory, StringComparer.Ordinal).ThenBy(r => r.ReleaseVersion))
        {
            if (renamedAway.Contains(revision.Package) || baseView.Find(revision) is not null) continue;
            if (head.Find(revision) is not { } next) continue;
            var below = head.RevisionsOf(revision.Package).Where(n => n < revision.ReleaseVersion).ToArray();
            if (below.Length == 0) continue;
            var previousLocation = revision.Package.Revision(below[^1]);
            if (head.Find(previousLocation) is not { } previous) continue;
            pairs.Add(new UpgradePair(previousLocation, previous, revision, next));
        }
        return pairs;
    }
}
