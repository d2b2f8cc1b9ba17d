using System.Runtime.CompilerServices;
using Pipeline.Build.Output;

namespace Pipeline.Serving.Responses;

/// <summary>
/// Makes a server's <see cref="ServedContent"/>s: stamped with the clock when first served, and
/// kept per source object (an upstream copy's array, a built file) so each content version is
/// hashed and encoded once however many requests ask. Counts the encodings made (tests).
/// </summary>
internal sealed class Representations(TimeProvider clock)
{
    private readonly ConditionalWeakTable<object, ServedContent> _bySource = [];
    private long _encodings;

    /// <summary>How many gzip or Brotli encodings were made.</summary>
    public long Encodings => Interlocked.Read(ref _encodings);

    /// <summary>A new version of <paramref name="bytes"/>, or <paramref name="previous"/> when it holds the same bytes and label.</summary>
    public ServedContent Of(byte[] bytes, string mediaType, ServedContent? previous = null)
    {
        var bodies = new ContentBodies(bytes, () => Interlocked.Increment(ref _encodings));
        return previous is not null && previous.SameAs(bodies, mediaType) ? previous : new ServedContent(bodies, mediaType, clock.GetUtcNow());
    }

    /// <summary>The representation of an upstream copy's bytes, made once per copy.</summary>
    public ServedContent For(byte[] copy, string mediaType) => _bySource.GetValue(copy, _ => Of(copy, mediaType));

    /// <summary>The representation of a built file, made once per file.</summary>
    public ServedContent For(BuiltFile file, string mediaType) => _bySource.GetValue(file, _ => Of(file.ToArray(), mediaType));
}
