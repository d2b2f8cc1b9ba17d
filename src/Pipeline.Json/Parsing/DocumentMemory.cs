namespace Pipeline.Json;

/// <summary>
/// Allocates the two arrays a document keeps (its bytes and its rows). They hold no references and
/// live as long as the document, so they go to the pinned heap, where the collector never copies
/// them while promoting: keeping thousands of parsed files alive then costs almost no GC time.
/// </summary>
internal static class DocumentMemory
{
    public static T[] Copy<T>(ReadOnlySpan<T> source)
        where T : unmanaged
    {
        if (source.IsEmpty) return [];
        var copy = GC.AllocateUninitializedArray<T>(source.Length, pinned: true);
        source.CopyTo(copy);
        return copy;
    }
}
