using Pipeline.Build.Dcos;
using Pipeline.Build.Json;
using Pipeline.Build.PackageDocuments;
using Pipeline.Diagnostics;
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

    public RevisionBuilder()
    {
        _python = new CanonicalJsonWriter(_buffer, JsonLayout.Python);
        _compact = new CanonicalJsonWriter(_buffer, JsonLayout.Compact);
    }

    public BuiltRevision? Build(PackageRevision revision, List<Diagnostic> diagnostics)
    {
        using var documents = RevisionDocuments.Read(revision, diagnostics);
        if (documents is null) return null;

        var package = PackageObject.From(documents);
        var minimum = package.MinDcosReleaseVersion is { } min ? LooseVersion.Parse(min) : s_noMinimum;
        var universe = WritePackage(package, PackageForm.Universe);
        byte[]? downgraded = null;
        if (NeededInDowngradedForm(minimum))
        {
            // Packaging 2.0/3.0 packages without quotes to escape come out the same: share the bytes.
            downgraded = package.DowngradeChangesNothing ? universe : WritePackage(package, PackageForm.DowngradedToV3);
            if (downgraded != universe && downgraded.AsSpan().SequenceEqual(universe)) downgraded = universe;
        }

        var facts = RevisionFacts.Of(documents, package.MinDcosReleaseVersion);
        _buffer.Clear();
        _buffer.Write((byte)',');
        _compact.Reset();
        PackageDocumentWriter.WriteRevision(_compact, documents, facts);
        var document = _buffer.ToArray();

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

    private byte[] WritePackage(PackageObject package, PackageForm form)
    {
        _buffer.Clear();
        _buffer.Write(", "u8);
        _python.Reset();
        package.Write(_python, form);
        return _buffer.ToArray();
    }

    public void Dispose() => _buffer.Dispose();
}
