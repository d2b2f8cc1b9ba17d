using System.Buffers;
using Pipeline.Build.Dcos;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Build.Revisions;

/// <summary>
/// A revision turned into output fragments, each serialized once and then shared by every output
/// file that holds it. Fragments start with their list separator (", " or ","); the first item of
/// a list drops it by slicing, so files are assembled by concatenation alone. A streamed build writes fragments into pooled
/// arrays and returns them once written (<see cref="ReturnFragments"/>); an in-memory build keeps
/// arrays of exactly their size.
/// </summary>
internal sealed record BuiltRevision(
    PackageRevision Revision,
    LooseVersion MinDcosReleaseVersion,
    ArraySegment<byte> UniverseFragment,
    ArraySegment<byte>? DowngradedFragment,
    ArraySegment<byte> DocumentFragment,
    RevisionFacts Facts)
{
    public string Name => Revision.Name;

    public bool IsIn(DcosRelease release) => MinDcosReleaseVersion.CompareTo(release.LooseVersion) <= 0;

    public ArraySegment<byte> FragmentFor(DcosRelease release) =>
        release.Form == PackageForm.DowngradedToV3 ? DowngradedFragment!.Value : UniverseFragment;

    /// <summary>Gives pooled fragments back once nothing reads them any more.</summary>
    public void ReturnFragments()
    {
        ArrayPool<byte>.Shared.Return(UniverseFragment.Array!);
        if (DowngradedFragment is { } downgraded && downgraded.Array != UniverseFragment.Array) ArrayPool<byte>.Shared.Return(downgraded.Array!);
        ArrayPool<byte>.Shared.Return(DocumentFragment.Array!);
    }
}
