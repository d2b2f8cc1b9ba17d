using Pipeline.Build.Json;
using Pipeline.Build.Output;
using Pipeline.Build.Revisions;

namespace Pipeline.Build.PackageDocuments;

/// <summary>Assembles each package's document from its revisions' fragments, newest first.</summary>
internal static class PackageDocumentAssembler
{
    private const int SeparatorLength = 1; // "," in front of every compact fragment

    public static void AddFiles(IReadOnlyList<IReadOnlyList<BuiltRevision>> packages, List<BuiltFile> files)
    {
        using var buffer = new JsonOutputBuffer(4096);
        var writer = new CanonicalJsonWriter(buffer, JsonLayout.Compact);
        foreach (var revisions in packages) files.Add(FileOf(revisions, writer));
    }

    /// <summary>One package's document; <paramref name="writer"/> is a compact writer whose buffer it reuses.</summary>
    public static BuiltFile FileOf(IReadOnlyList<BuiltRevision> revisions, CanonicalJsonWriter writer)
    {
        var latest = revisions[^1];
        writer.Output.Clear();
        writer.Reset();
        PackageDocumentWriter.WriteHeader(writer, latest.Name, latest.Facts.Version, latest.Revision.ReleaseVersion);
        var segments = new List<ReadOnlyMemory<byte>>(revisions.Count + 2) { writer.Output.ToArray() };
        for (var i = revisions.Count - 1; i >= 0; i--)
        {
            var fragment = revisions[i].DocumentFragment;
            segments.Add(i == revisions.Count - 1 ? fragment.AsMemory(SeparatorLength) : fragment.AsMemory());
        }
        segments.Add(PackageDocumentWriter.Footer);
        return new BuiltFile(PackageDocumentWriter.PathOf(latest.Name), segments);
    }
}
