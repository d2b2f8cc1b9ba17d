using System.Buffers;
using Pipeline.Build.Dcos;
using Pipeline.Build.Json;
using Pipeline.Build.PackageDocuments;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Build.Revisions;

/// <summary>
/// Builds one revision: parses its files once, then writes the package in each form the DC/OS
/// releases need and its entry of the package document. One builder per worker thread: it owns the
/// reusable buffer the fragments are written into.
/// </summary>
internal sealed class RevisionBuilder : IDisposable
{
    private static readonly LooseVersion s_noMinimum = LooseVersion.Parse("0.0");

    private readonly JsonOutputBuffer _buffer = new();
    private readonly CanonicalJsonWriter _python;
    private readonly CanonicalJsonWriter _compact;
    private readonly bool _pooled;

    /// <param name="pooled">Write fragments into pooled arrays, for a caller that returns them (<see cref="BuiltRevision.ReturnFragments"/>).</param>
    public RevisionBuilder(bool pooled = false)
    {
        _pooled = pooled;
        _python = new CanonicalJsonWriter(_buffer, JsonLayout.Python);
        _compact = new CanonicalJsonWriter(_buffer, JsonLayout.Compact);
    }

    public BuiltRevision? Build(PackageRevision revision, List<UnbuiltRevision> unbuilt)
    {
        using var documents = ParsedRevision.Read(revision, unbuilt);
        if (documents is null) return null;

        var package = PackageObject.From(documents);
        var minimum = package.MinDcosReleaseVersion is { } min ? LooseVersion.Parse(min) : s_noMinimum;
        var universe = WritePackage(package, PackageForm.Universe);
        ArraySegment<byte>? downgraded = null;
        if (NeededInDowngradedForm(minimum))
        {
            // Packaging 2.0/3.0 packages without quotes to escape come out the same: share the bytes.
            downgraded = universe;
            if (!package.DowngradeChangesNothing)
            {
                var written = WritePackage(package, PackageForm.DowngradedToV3);
                if (written.AsSpan().SequenceEqual(universe)) Give(written);
                else downgraded = written;
            }
        }

        var facts = RevisionFacts.Of(documents, package.MinDcosReleaseVersion);
        _buffer.Clear();
        _buffer.Write((byte)',');
        _compact.Reset();
        PackageDocumentWriter.WriteRevision(_compact, documents, facts);
        var document = Take();

        return new BuiltRevision(revision, minimum, universe, downgraded, document, facts);
    }

    private static bool NeededInDowngradedForm(LooseVersion minimum)
    {
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            if (release.Form == PackageForm.DowngradedToV3 && minimum.CompareTo(release.LooseVersion) <= 0) return true;
        }
        return false;
    }

    private ArraySegment<byte> WritePackage(PackageObject package, PackageForm form)
    {
        _buffer.Clear();
        _buffer.Write(", "u8);
        _python.Reset();
        package.Write(_python, form);
        return Take();
    }

    /// <summary>The buffer's bytes, in a pooled array or in one of exactly their size.</summary>
    private ArraySegment<byte> Take()
    {
        if (!_pooled) return _buffer.ToArray();
        var array = ArrayPool<byte>.Shared.Rent(_buffer.Length);
        _buffer.WrittenSpan.CopyTo(array);
        return new ArraySegment<byte>(array, 0, _buffer.Length);
    }

    private void Give(ArraySegment<byte> fragment)
    {
        if (_pooled) ArrayPool<byte>.Shared.Return(fragment.Array!);
    }

    public void Dispose() => _buffer.Dispose();
}
