namespace Pipeline.Build.Output;

/// <summary>
/// One output file, held in memory as the concatenation of <see cref="Segments"/>. Repository files
/// share their package fragments, so the whole build holds each serialized package once, however
/// many files list it. <see cref="Path"/> is relative to the output folder, with '/' separators.
/// </summary>
public sealed class BuiltFile
{
    public BuiltFile(string path, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        Path = path;
        Segments = segments;
        long length = 0;
        foreach (var segment in segments) length += segment.Length;
        Length = length;
    }

    public BuiltFile(string path, byte[] content)
        : this(path, [content])
    {
    }

    public string Path { get; }
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments { get; }
    public long Length { get; }

    /// <summary>The content in one array (copied: for tests and small files).</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var at = 0;
        foreach (var segment in Segments)
        {
            segment.Span.CopyTo(bytes.AsSpan(at));
            at += segment.Length;
        }
        return bytes;
    }

    public void CopyTo(Stream destination)
    {
        foreach (var segment in Segments) destination.Write(segment.Span);
    }

    public override string ToString() => $"{Path} ({Length:N0} bytes)";
}
