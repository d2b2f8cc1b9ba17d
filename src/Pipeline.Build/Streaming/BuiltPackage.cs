using Pipeline.Build.Output;
using Pipeline.Build.Revisions;

namespace Pipeline.Build.Streaming;

/// <summary>
/// One package built by a <see cref="PackageWorker"/>: its revisions (whose fragments the
/// repository files still need), its index.json entry as bytes (null when no revision could be
/// built), the
/// revisions it left out and the files already written for it. The fragments are pooled: each reader
/// holds the package (<see cref="Hold"/>) and lets go when done (<see cref="Release"/>); the last
/// one gives the arrays back.
/// </summary>
internal sealed class BuiltPackage(
    IReadOnlyList<BuiltRevision> revisions,
    byte[]? indexEntry,
    IReadOnlyList<UnbuiltRevision> unbuilt,
    IReadOnlyList<WrittenFile> files)
{
    private int _holders = 1; // the consumer that received it

    public IReadOnlyList<BuiltRevision> Revisions { get; } = revisions;
    /// <summary>The package's entry in index.json, with a separator in front (<see cref="Index.IndexWriter.Entry"/>).</summary>
    public byte[]? IndexEntry { get; } = indexEntry;
    public IReadOnlyList<UnbuiltRevision> Unbuilt { get; } = unbuilt;
    public IReadOnlyList<WrittenFile> Files { get; } = files;

    public void Hold() => Interlocked.Increment(ref _holders);

    public void Release()
    {
        if (Interlocked.Decrement(ref _holders) != 0) return;
        foreach (var revision in Revisions) revision.ReturnFragments();
    }
}
