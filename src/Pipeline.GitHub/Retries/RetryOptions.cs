namespace Pipeline.GitHub.Retries;

/// <summary>Bounds of <see cref="GitHubRetryPolicy"/>. A CI job should fail clearly rather than hang on GitHub.</summary>
public sealed record RetryOptions
{
    /// <summary>The most time spent waiting across all retries of one call.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxAttempts { get; init; } = 6;

    /// <summary>First backoff after a 5xx or network failure; doubled on each further one.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(16);

    /// <summary>Secondary rate limits without <c>retry-after</c>: GitHub asks to wait at least a minute.</summary>
    public TimeSpan SecondaryRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a new fork's branch is read before giving up: GitHub makes forks asynchronously.</summary>
    public int ForkReadyAttempts { get; init; } = 10;

    /// <summary>The wait between two reads of a new fork's branch.</summary>
    public TimeSpan ForkReadyDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Added to a rate-limit reset time, since GitHub's clock and ours differ a little.</summary>
    public TimeSpan ResetSlack { get; init; } = TimeSpan.FromSeconds(1);
}
