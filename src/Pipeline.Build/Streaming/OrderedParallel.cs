using System.Runtime.ExceptionServices;

namespace Pipeline.Build.Streaming;

/// <summary>
/// Produces items on a few threads and consumes them on the calling thread in index order, with
/// at most <c>window</c> items produced and not yet consumed, so memory stays bounded however
/// many items there are and the output keeps the input's order.
/// </summary>
internal static class OrderedParallel
{
    public static void Run<T>(int count, int parallelism, int window, Func<int, T> produce, Action<T> consume)
    {
        var slots = new OrderedSlots<T>(count);
        using var room = new SemaphoreSlim(Math.Max(1, window));
        var next = -1;
        var stopped = false;

        void Work()
        {
            while (true)
            {
                room.Wait();
                if (Volatile.Read(ref stopped)) return;
                var i = Interlocked.Increment(ref next);
                if (i >= count) return;
                try
                {
                    slots.Fill(i, produce(i));
                }
                catch (Exception e)
                {
                    Volatile.Write(ref stopped, true);
                    slots.Fail(i, ExceptionDispatchInfo.Capture(e));
                    return;
                }
            }
        }

        var workers = new Thread[Math.Clamp(parallelism, 1, Math.Max(1, count))];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = new Thread(Work) { IsBackground = true, Name = $"build worker {w}" };
            workers[w].Start();
        }
        try
        {
            for (var i = 0; i < count; i++)
            {
                var item = slots.Take(i);
                room.Release();
                consume(item);
            }
        }
        finally
        {
            // On success every worker has already returned; after a failure they finish the item
            // in hand and stop, before the caller cleans up what they wrote.
            Volatile.Write(ref stopped, true);
            room.Release(workers.Length);
            foreach (var worker in workers) worker.Join();
        }
    }
}
