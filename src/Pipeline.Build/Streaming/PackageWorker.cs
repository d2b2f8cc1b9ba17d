using Pipeline.Build.Dcos;
using Pipeline.Build.Index;
using Pipeline.Build.Json;
using Pipeline.Build.Output;
using Pipeline.Build.PackageDocuments;
using Pipeline.Build.Revisions;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Build.Streaming;

/// <summary>
/// Builds one package at a time for a streamed build: loads each revision's files, builds it,
/// and writes the package's own files (<c>package/&lt;name&gt;.json</c> and
/// <c>&lt;release&gt;/package/&lt;name&gt;.json</c>) at once. The revisions' fragments go back to
/// the caller for the repository files. One worker per thread: it owns reusable buffers.
/// </summary>
internal sealed class PackageWorker : IDisposable
{
    private readonly RevisionBuilder _revisions = new(pooled: true);
    private readonly ReadArena _arena = new();
    private readonly JsonOutputBuffer _buffer = new(4096);
    private readonly CanonicalJsonWriter _writer;

    public PackageWorker()
    {
        _writer = new CanonicalJsonWriter(_buffer, JsonLayout.Compact);
    }

    public BuiltPackage Build(IEnumerable<PackageRevision> revisions, OutputStaging staging)
    {
        var unbuilt = new List<UnbuiltRevision>();
        var built = new List<BuiltRevision>();
        // The package's files are read into the worker's arena, whose memory the previous package
        // used: what this worker handed on holds no file contents (see the end).
        _arena.Reset();
        foreach (var revision in revisions)
        {
            if (_revisions.Build(revision.Load(_arena), unbuilt) is { } result) built.Add(result);
        }
        if (built.Count == 0) return new BuiltPackage(built, null, unbuilt, []);

        var files = new List<WrittenFile>();
        Add(files, staging.Write(PackageDocumentAssembler.FileOf(built, _writer)));
        List<ArraySegment<byte>>? previousFragments = null;
        (BuiltFile Content, WrittenContent Written)? previous = null;
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            var fragments = new List<ArraySegment<byte>>(built.Count);
            foreach (var revision in built)
            {
                if (revision.IsIn(release)) fragments.Add(revision.FragmentFor(release));
            }
            if (fragments.Count == 0) continue;
            var path = release.PackageFilePath(built[0].Name);
            // A package's file is often the same in consecutive releases: hash and compress it once.
            if (previous is { } same && previousFragments is not null && SameFragments(previousFragments, fragments))
            {
                Add(files, staging.WriteCopy(path, same.Content, same.Written));
                continue;
            }
            var content = DcosFileAssembler.RepositoryFile(path, fragments);
            var written = staging.Write(content);
            Add(files, written);
            previous = (content, written);
            previousFragments = fragments;
        }
        // Last: the entry is written in the worker's buffer, which the files above no longer need.
        var entry = IndexWriter.Entry(_writer, IndexBuilder.PackageOf(built));
        // The revisions go on to the repository files without their contents, which the arena
        // takes back for the next package: nothing after this point can read them.
        var unloaded = new List<BuiltRevision>(built.Count);
        foreach (var revision in built) unloaded.Add(revision with { Revision = revision.Revision.WithoutContents() });
        return new BuiltPackage(unloaded, entry, unbuilt, files);
    }

    private static void Add(List<WrittenFile> files, WrittenContent written)
    {
        files.Add(written.File);
        if (written.GzipFile is { } copy) files.Add(copy);
    }

    private static bool SameFragments(List<ArraySegment<byte>> a, List<ArraySegment<byte>> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i].Array, b[i].Array)) return false;
        }
        return true;
    }

    public void Dispose()
    {
        _revisions.Dispose();
        _buffer.Dispose();
    }
}
