namespace Pipeline.Build.Streaming;

/// <summary>A write-only stream onto a <see cref="StagedFile"/>, for the gzip copies compressed as they are written.</summary>
internal sealed class StagedFileStream(StagedFile file) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => file.Length;

    public override long Position
    {
        get => file.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer) => file.Write(buffer);

    public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
        // Every write goes straight to the file.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
