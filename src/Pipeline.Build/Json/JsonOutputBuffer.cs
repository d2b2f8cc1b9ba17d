using System.Buffers;

namespace Pipeline.Build.Json;

/// <summary>
/// A growable byte buffer on pooled arrays: one per worker, reused for every fragment it writes,
/// so writing a repository allocates little more than the finished fragments themselves.
/// </summary>
internal sealed class JsonOutputBuffer : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public JsonOutputBuffer(int initialCapacity = 256 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public Span<byte> GetSpan(int sizeHint)
    {
        if (_buffer.Length - _length < sizeHint) Grow(sizeHint);
        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    public void Write(byte value)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = value;
    }

    /// <summary>The bytes written since the last <see cref="Clear"/>, in an array of exactly their size.</summary>
    public byte[] ToArray()
    {
        // Uninitialized: every byte is overwritten at once, so zeroing it first is wasted work. Not
        // pinned: a streamed build drops fragments as soon as they are written, and the pinned heap
        // is only swept by full collections.
        var bytes = GC.AllocateUninitializedArray<byte>(_length);
        _buffer.AsSpan(0, _length).CopyTo(bytes);
        return bytes;
    }

    public void Clear() => _length = 0;

    private void Grow(int sizeHint)
    {
        var size = Math.Max(_buffer.Length * 2, _length + sizeHint);
        var next = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }
}
