using System.Collections.Concurrent;
using System.Net;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// Upstream documents by address, each kept in memory and revalidated once its copy is older than
/// the TTL: with <c>If-None-Match</c> when the server gave an ETag, a 304 renewing the copy. A
/// failed fetch keeps the last good copy (marked <see cref="UpstreamState.Stale"/>) and is retried
/// after the TTL too, so a down upstream costs one attempt per TTL, not one per request.
/// Concurrent requests for a due document share one fetch.
/// </summary>
internal sealed class UpstreamCache(HttpClient http, TimeProvider clock, TimeSpan ttl)
{
    /// <summary>Upstream files are metadata; anything past this is refused rather than buffered.</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<Uri, Entry> _entries = new();
    private readonly TimeProvider _clock = clock;
    private readonly TimeSpan _ttl = ttl;

    /// <summary>The copy to serve, fetching or revalidating first when it is due. Never throws for an upstream failure.</summary>
    public Task<CachedCopy> GetAsync(Uri address, CancellationToken cancellationToken = default) =>
        _entries.GetOrAdd(address, a => new Entry(a)).GetAsync(this, cancellationToken);

    /// <summary>The copy held now, without fetching; null when the address was never asked for.</summary>
    public CachedCopy? Peek(Uri address) => _entries.TryGetValue(address, out var entry) ? entry.Current : null;

    private async Task<CachedCopy> FetchAsync(CachedCopy previous)
    {
        var now = _clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Get, previous.Address);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (previous is { ETag: { } etag, Content: not null }) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified && previous.Content is not null)
            {
                return previous with { State = UpstreamState.Fresh, Problem = null, CheckedAt = now };
            }
            if (!response.IsSuccessStatusCode) return Failed(previous, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", now);
            if (response.Content.Headers.ContentLength > MaxBytes) return Failed(previous, $"larger than {MaxBytes:N0} bytes", now);
            var content = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return new CachedCopy(previous.Address, content, response.Headers.ETag?.ToString(), UpstreamState.Fresh, null, now);
        }
        catch (HttpRequestException e)
        {
            return Failed(previous, e.Message, now);
        }
        catch (TaskCanceledException)
        {
            return Failed(previous, "no answer before the timeout", now);
        }
    }

    private static CachedCopy Failed(CachedCopy previous, string problem, DateTimeOffset now) =>
        previous with { State = previous.Content is null ? UpstreamState.Down : UpstreamState.Stale, Problem = problem, CheckedAt = now };

    private sealed class Entry(Uri address)
    {
        private readonly Lock _gate = new();
        private Task<CachedCopy>? _refreshing;

        public CachedCopy Current { get; private set; } = new(address, null, null, UpstreamState.Down, "not fetched yet", null);

        public Task<CachedCopy> GetAsync(UpstreamCache cache, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                var current = Current;
                if (current.CheckedAt is { } at && cache._clock.GetUtcNow() - at < cache._ttl) return Task.FromResult(current);
                // The fetch is not tied to one request's cancellation: other requests may share it.
                _refreshing ??= RefreshAsync(cache, current);
                return _refreshing.WaitAsync(cancellationToken);
            }
        }

        private async Task<CachedCopy> RefreshAsync(UpstreamCache cache, CachedCopy current)
        {
            await Task.Yield();
            var next = await cache.FetchAsync(current).ConfigureAwait(false);
            lock (_gate)
            {
                Current = next;
                _refreshing = null;
            }
            return next;
        }
    }
}
