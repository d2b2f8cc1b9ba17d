namespace Pipeline.Build.Output;

/// <summary>
/// Runs work over files on a few threads, biggest file first and one file at a time, so that no
/// thread is left alone with a large file at the end (the repository files are 50 000 times the
/// size of the smallest per-package ones).
/// </summary>
internal static class LargestFirst
{
    public static void ForEach(IReadOnlyList<BuiltFile> files, int maxDegreeOfParallelism, Action<int> work)
    {
        var order = new int[files.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => files[b].Length.CompareTo(files[a].Length));
        var next = -1;
        Parallel.For(0, Math.Clamp(maxDegreeOfParallelism, 1, Math.Max(1, order.Length)), _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < order.Length; n = Interlocked.Increment(ref next))
            {
                work(order[n]);
            }
        });
    }
}
