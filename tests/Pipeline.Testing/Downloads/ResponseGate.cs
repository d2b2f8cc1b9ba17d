namespace Pipeline.Testing.Downloads;

/// <summary>
/// Holds <see cref="DownloadServer"/>'s responses while closed, until the test releases them, and
/// counts how many it holds at once: with every response held, that is how many requests a
/// client has in flight. A released response leaves the count before its body is sent, so a
/// client that waits for one download to end before starting the next is never counted twice.
/// </summary>
public sealed class ResponseGate
{
    private readonly Lock _lock = new();
    private readonly List<HeldResponse> _held = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _closed;
    private int _maxHeld;

    /// <summary>The most responses held at one time since the gate was made.</summary>
    public int MaxHeld
    {
        get { lock (_lock) return _maxHeld; }
    }

    /// <summary>The paths of the responses held now, in the order they arrived.</summary>
    public IReadOnlyList<string> Held
    {
        get { lock (_lock) return _held.Select(h => h.Path).ToArray(); }
    }

    /// <summary>Holds every response that arrives from now on.</summary>
    public void Close()
    {
        lock (_lock) _closed = true;
    }

    /// <summary>Lets every held response go on, and the ones after pass.</summary>
    public void Open()
    {
        lock (_lock)
        {
            _closed = false;
            foreach (var held in _held) held.Release.TrySetResult();
            _held.Clear();
            Signal();
        }
    }

    /// <summary>Lets the held response for <paramref name="path"/> (e.g. "files/a.bin") go on.</summary>
    public void Release(string path)
    {
        lock (_lock)
        {
            var held = _held.First(h => h.Path == "/" + path.TrimStart('/'));
            _held.Remove(held);
            held.Release.TrySetResult();
            Signal();
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> responses are held.</summary>
    public async Task WaitUntilHeldAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_held.Count >= count) return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task PassAsync(string path, CancellationToken requestAborted)
    {
        HeldResponse held;
        lock (_lock)
        {
            if (!_closed) return;
            held = new HeldResponse(path, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _held.Add(held);
            _maxHeld = Math.Max(_maxHeld, _held.Count);
            Signal();
        }
        try
        {
            await held.Release.Task.WaitAsync(requestAborted).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                if (_held.Remove(held)) Signal();
            }
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record HeldResponse(string Path, TaskCompletionSource Release);
}
