namespace Pipeline.Bumping.GitHub;

/// <summary>
/// Bounds of <see cref="UniverseDownload"/>: a package folder is a few small files per revision,
/// so a listing or a file far beyond that is refused rather than read.
/// </summary>
public sealed record UniverseDownloadLimits
{
    /// <summary>Entries one tree listing may have (the package folder's, recursive, included).</summary>
    public int MaxEntries { get; init; } = 10_000;

    public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Bytes written in all.</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024;
}
