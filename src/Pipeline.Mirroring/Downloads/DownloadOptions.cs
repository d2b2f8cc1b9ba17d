namespace Pipeline.Mirroring.Downloads;

/// <summary>Limits of one verified download.</summary>
public sealed record DownloadOptions
{
    /// <summary>A download past this many bytes is abandoned: assets are files, not unbounded streams.</summary>
    public long MaxBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Attempts in all, the first included; a dropped connection or a 5xx answer is tried again.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>One attempt, headers and whole body, must end within this: a stalled body is cut and retried.</summary>
    public TimeSpan AttemptDeadline { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Redirects followed per attempt, http(s) only.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The pause before the second attempt, doubled for each one after.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
