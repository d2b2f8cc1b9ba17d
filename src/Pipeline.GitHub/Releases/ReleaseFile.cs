namespace Pipeline.GitHub.Releases;

/// <summary>A file to attach to a release, held in memory or read from disk.</summary>
public sealed record ReleaseFile
{
    private ReleaseFile(string name, string contentType, ReadOnlyMemory<byte>? bytes, string? filePath)
    {
        Name = name;
        ContentType = contentType;
        Bytes = bytes;
        FilePath = filePath;
    }

    public string Name { get; }
    public string ContentType { get; }
    public ReadOnlyMemory<byte>? Bytes { get; }
    public string? FilePath { get; }

    public long Size => Bytes?.Length ?? new FileInfo(FilePath!).Length;

    public static ReleaseFile FromBytes(string name, string contentType, ReadOnlyMemory<byte> bytes) => new(name, contentType, bytes, null);

    public static ReleaseFile FromFile(string name, string contentType, string filePath) => new(name, contentType, null, filePath);

    /// <summary>A fresh stream each time, so a retried upload sends the whole file again.</summary>
    public Stream OpenRead() => Bytes is { } bytes ? new MemoryStream(bytes.ToArray(), writable: false) : File.OpenRead(FilePath!);
}
