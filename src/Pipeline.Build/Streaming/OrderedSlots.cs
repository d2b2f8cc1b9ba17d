using System.Runtime.ExceptionServices;

namespace Pipeline.Build.Streaming;

/// <summary>
/// One slot per item, filled by any thread and taken in index order by one consumer, who waits on a
/// monitor for the slot it needs (no task to block on). A failure is kept with its original stack.
/// </summary>
internal sealed class OrderedSlots<T>
{
    private readonly object _gate = new();
    private readonly T[] _items;
    private readonly ExceptionDispatchInfo?[] _failures;
    private readonly bool[] _filled;

    public OrderedSlots(int count)
    {
        _items = new T[count];
        _failures = new ExceptionDispatchInfo?[count];
        _filled = new bool[count];
    }

    public void Fill(int index, T item) => Complete(index, item, null);

    public void Fail(int index, ExceptionDispatchInfo failure) => Complete(index, default!, failure);

    /// <summary>Waits until the slot is filled, then empties it (so the item can be collected once consumed) and returns its item or throws its failure.</summary>
    public T Take(int index)
    {
        lock (_gate)
        {
            while (!_filled[index]) Monitor.Wait(_gate);
        }
        // Filled under the lock, read after it: the monitor orders the writes before this read.
        _failures[index]?.Throw();
        var item = _items[index];
        _items[index] = default!;
        return item;
    }

    private void Complete(int index, T item, ExceptionDispatchInfo? failure)
    {
        lock (_gate)
        {
            _items[index] = item;
            _failures[index] = failure;
            _filled[index] = true;
            // Only the consumer ever waits on the gate.
            Monitor.Pulse(_gate);
        }
    }
}
