namespace Pipeline.Packages;

public sealed record TreeReaderOptions
{
    /// <summary>Files larger than this are reported and not read: package files are small metadata.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>When set, only these package names are read (pull requests validate what they change).</summary>
    public IReadOnlySet<string>? OnlyPackages { get; init; }
}
