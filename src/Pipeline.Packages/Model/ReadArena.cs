namespace Pipeline.Packages.Model;

/// <summary>
/// Reusable memory for the files of one revision at a time (<see cref="PackageRevision.Load(ReadArena?)"/>).
/// A fresh array per file put the 27 MB a validate run of the corpus reads on fresh pages (a page
/// fault each) and in the garbage collector's way: here the pages are touched once and the same
/// chunks are filled again for the next revision. After <see cref="Reset"/> every slice handed
/// out before is overwritten by later reads, so the owner resets only once nothing made from those
/// contents (parsed documents, positions) is used any more. Not thread-safe: one per worker.
/// </summary>
public sealed class ReadArena
{
    /// <summary>Bigger than nearly every package file; a file larger than this gets an array of its own.</summary>
    public const int ChunkSize = 1 << 20;

    /// <summary>Chunks kept across a reset: an unusually large revision does not keep its memory.</summary>
    private const int ChunksKept = 4;

    private readonly List<byte[]> _chunks = [];
    private int _chunk;
    private int _used;

    /// <summary>Memory for <paramref name="length"/> bytes, valid until the next <see cref="Reset"/>; not zeroed.</summary>
    public Memory<byte> Take(int length)
    {
        if (length > ChunkSize) return GC.AllocateUninitializedArray<byte>(length);
        if (_chunk < _chunks.Count && ChunkSize - _used < length)
        {
            _chunk++;
            _used = 0;
        }
        if (_chunk == _chunks.Count) _chunks.Add(GC.AllocateUninitializedArray<byte>(ChunkSize));
        var slice = _chunks[_chunk].AsMemory(_used, length);
        _used += length;
        return slice;
    }

    /// <summary>Makes all the memory reusable; what was taken before must no longer be read.</summary>
    public void Reset()
    {
        if (_chunks.Count > ChunksKept) _chunks.RemoveRange(ChunksKept, _chunks.Count - ChunksKept);
        _chunk = 0;
        _used = 0;
    }
}
