namespace Pipeline.GitHub.Errors;

/// <summary>A GitHub call kept failing with retryable errors until the retry budget ran out.</summary>
public sealed class GitHubRetryExhaustedException : GitHubReportException
{
    public GitHubRetryExhaustedException(string operation, int attempts, TimeSpan waited, TimeSpan nextWait, Exception lastError)
        : base(operation, (lastError as Octokit.ApiException) is { } api ? (int)api.StatusCode : null,
            $"Gave up trying to {operation} after {attempts} attempt(s) and {waited.TotalSeconds:0.#} s of waiting: "
            + $"GitHub still answered '{lastError.Message}' and asked for {nextWait.TotalSeconds:0.#} s more, beyond the retry budget.",
            [], lastError)
    {
        Attempts = attempts;
        Waited = waited;
    }

    public int Attempts { get; }

    public TimeSpan Waited { get; }
}
