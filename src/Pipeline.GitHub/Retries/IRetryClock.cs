namespace Pipeline.GitHub.Retries;

/// <summary>The time a retry policy reads and waits on; tests pass one that does not sleep.</summary>
public interface IRetryClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>The real clock.</summary>
public sealed class SystemRetryClock : IRetryClock
{
    public static readonly SystemRetryClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
