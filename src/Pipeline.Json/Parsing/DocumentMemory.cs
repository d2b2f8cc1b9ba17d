using System.Runtime.CompilerServices;

namespace Pipeline.Json.Parsing;

/// <summary>
/// Allocates the two arrays a document keeps (its bytes and its rows). They hold no references, so
/// the collector never scans them. A large one goes to the pinned heap, where it is never copied;
/// a small one stays on the ordinary heap: documents mostly die young (a validation drops each
/// package's files once done), and the pinned heap is reclaimed only by full collections, so every
/// small document there would cost fresh memory to fill.
/// </summary>
internal static class DocumentMemory
{
    /// <summary>The size from which the runtime puts arrays on the large object heap anyway.</summary>
    private const int LargeBytes = 85_000;

    public static T[] Copy<T>(ReadOnlySpan<T> source)
        where T : unmanaged
    {
        if (source.IsEmpty) return [];
        var copy = Allocate<T>(source.Length);
        source.CopyTo(copy);
        return copy;
    }

    public static T[] Allocate<T>(int length)
        where T : unmanaged =>
        GC.AllocateUninitializedArray<T>(length, pinned: (long)length * Unsafe.SizeOf<T>() >= LargeBytes);
}
