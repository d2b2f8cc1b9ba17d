using Pipeline.GitHub.Errors;

namespace Pipeline.GitHub.Retries;

/// <summary>
/// Runs a GitHub call, retrying what waiting can fix (rate limits until their reset, secondary
/// limits after <c>retry-after</c>, 5xx with exponential backoff) within <see cref="RetryOptions"/>.
/// Octokit retries nothing itself. Every failure leaves as a <see cref="GitHubReportException"/>:
/// GitHub's refusals, no answer at all and timeouts alike; only a cancellation of the caller's own
/// token stays a cancellation.
/// </summary>
/// <param name="clock">The time rate limits are measured against and waits run on; tests pass one that does not sleep.</param>
public sealed class GitHubRetryPolicy(RetryOptions? options = null, TimeProvider? clock = null)
{
    private readonly RetryOptions _options = options ?? new RetryOptions();

    public RetryOptions Options => _options;

    /// <summary>The one clock of the GitHub calls made under this policy (e.g. a check run's completion time).</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <param name="operation">What the call does, in words for the error message ("create a check run on o/r").</param>
    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception error) when (error is not GitHubReportException && !(error is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var wait = RetryDelay.For(error, attempt, Clock.GetUtcNow(), _options);
                if (wait is null) throw GitHubReportException.From(operation, error);
                if (attempt >= _options.MaxAttempts || waited + wait.Value > _options.MaxTotalWait)
                    throw new GitHubRetryExhaustedException(operation, attempt, waited, wait.Value, error);
                await Task.Delay(wait.Value, Clock, cancellationToken).ConfigureAwait(false);
                waited += wait.Value;
            }
        }
    }

    public Task RunAsync(string operation, Func<Task> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
