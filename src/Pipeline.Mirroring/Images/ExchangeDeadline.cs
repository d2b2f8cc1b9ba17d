namespace Pipeline.Mirroring.Images;

/// <summary>
/// A cancellation that fires when a time runs out on the injected clock, and can be pushed back
/// (<see cref="Extend"/>) each time data arrives, which makes it a stall timeout.
/// </summary>
public sealed class ExchangeDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly ITimer _timer;
    private readonly TimeSpan _after;

    public ExchangeDeadline(TimeProvider time, TimeSpan after, CancellationToken cancellationToken)
    {
        _after = after;
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = time.CreateTimer(_ => Fire(), null, after, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _source.Token;

    public void Extend() => _timer.Change(_after, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }

    private void Fire()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The exchange finished first.
        }
    }
}
