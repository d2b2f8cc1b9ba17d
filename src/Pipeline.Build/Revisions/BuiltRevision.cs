using Pipeline.Build.Dcos;
using Pipeline.Packages;

namespace Pipeline.Build.Revisions;

/// <summary>
/// A revision turned into output fragments, each serialized once and then shared by every output
/// file that holds it. Fragments start with their list separator (", " or ","); the first item of
/// a list drops it by slicing, so files are assembled by concatenation alone.
/// </summary>
internal sealed record BuiltRevision(
    PackageRevision Revision,
    LooseVersion MinDcosReleaseVersion,
    byte[] UniverseFragment,
    byte[]? DowngradedFragment,
    byte[] DocumentFragment,
    RevisionFacts Facts)
{
    public string Name => Revision.Name;

    public bool IsIn(DcosRelease release) => MinDcosReleaseVersion.CompareTo(release.LooseVersion) <= 0;

    public byte[] FragmentFor(DcosRelease release) =>
        release.Form == PackageForm.DowngradedToV3 ? DowngradedFragment! : UniverseFragment;
}
