namespace Pipeline.Repositories.Fetching;

/// <summary>
/// How far one upstream fetch may go: the decoded bytes it may read, the deadline over the whole
/// exchange (headers and body), and the redirects it follows.
/// </summary>
public sealed record FetchLimits
{
    /// <summary>Repository files are metadata: 64 MB is far above the largest published index.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Decoded (decompressed) bytes of one body; past this the fetch fails and nothing is kept.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Headers and the whole body must arrive within this, so a slow body cannot hold a fetch forever.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed, each to http or https and never from https down to http.</summary>
    public int MaxRedirects { get; init; } = 5;
}
