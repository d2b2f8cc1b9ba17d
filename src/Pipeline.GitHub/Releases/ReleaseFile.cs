namespace Pipeline.GitHub.Releases;

/// <summary>A file on disk to attach to a release.</summary>
public sealed record ReleaseFile
{
    private ReleaseFile(string name, string contentType, string filePath)
    {
        Name = name;
        ContentType = contentType;
        FilePath = filePath;
    }

    public string Name { get; }
    public string ContentType { get; }
    public string FilePath { get; }

    public long Size => new FileInfo(FilePath).Length;

    public static ReleaseFile FromFile(string name, string contentType, string filePath) => new(name, contentType, filePath);

    /// <summary>A fresh stream each time, so a retried upload sends the whole file again.</summary>
    public Stream OpenRead() => File.OpenRead(FilePath);
}
