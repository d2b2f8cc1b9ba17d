namespace Pipeline.Serving.Upstreams;

/// <summary>
/// An upstream document as the cache holds it: the last good content (null when none was ever
/// fetched), its state, and why the last fetch failed. A new 200 answer gives a new
/// <see cref="Content"/> array, so merged outputs can tell by reference whether an input changed.
/// </summary>
public sealed record CachedCopy(Uri Address, byte[]? Content, string? ETag, UpstreamState State, string? Problem, DateTimeOffset? CheckedAt)
{
    /// <summary>When the current run of failed fetches began; null while fetches succeed.</summary>
    public DateTimeOffset? FailingSince { get; init; }
}
