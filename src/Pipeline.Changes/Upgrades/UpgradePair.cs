using Pipeline.Changes.ChangeSets;
using Pipeline.Packages.Model;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// A new revision of a package that already has revisions, with the one operators upgrade from:
/// the highest revision below it on the pull request's head. Released revisions are immutable
/// (UNI400), so the head's copy of <see cref="Previous"/> is what operators installed; a pull
/// request that adds revisions 5 and 6 gives the pairs 4 → 5 and 5 → 6.
/// </summary>
public sealed record UpgradePair(RevisionLocation PreviousLocation, PackageRevision Previous, RevisionLocation NextLocation, PackageRevision Next)
{
    public string Name => NextLocation.Name;
}
