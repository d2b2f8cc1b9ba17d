using System.Collections.Concurrent;
using Pipeline.Packages.Reading;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// Upstream documents by address, each kept in memory and revalidated once its copy is older than
/// the TTL: with <c>If-None-Match</c> when the server gave an ETag, a 304 renewing the copy.
/// A request never waits on an upstream that has a copy: the copy is served and a due refresh runs
/// in the background, one per document however many requests ask (single-flight). Only a document
/// never fetched is waited for, and that wait is bounded by the fetch deadline. A failed or invalid
/// fetch keeps the last good copy (<see cref="UpstreamState.Stale"/>, with the problem and since
/// when) and is retried after the TTL, so a down upstream costs one attempt per TTL.
/// The copies together stay within a byte budget: past it, the copies used longest ago are dropped
/// (and fetched again when asked for), so an upstream that lists many packages and answers each
/// with a large document cannot grow the server's memory without end.
/// </summary>
internal sealed class UpstreamCache(HttpClient http, TimeProvider clock, TimeSpan ttl, FetchLimits? limits = null, long budgetBytes = UpstreamCache.DefaultBudgetBytes)
{
    /// <summary>Room for the published indexes of several large universes and their package files.</summary>
    public const long DefaultBudgetBytes = 512L * 1024 * 1024;

    private readonly ConcurrentDictionary<Uri, Entry> _entries = new();
    private readonly BoundedFetch _fetch = new(http, limits);
    private readonly TimeProvider _clock = clock;
    private readonly TimeSpan _ttl = ttl;

    /// <summary>
    /// The copy to serve: at once when there is one (refreshing in the background when due),
    /// else after the first fetch. Never throws for an upstream failure.
    /// </summary>
    /// <param name="check">Says what is wrong with a fetched body (null when it is usable); a body with a problem never replaces the copy.</param>
    /// <param name="prepare">Sets the request's Accept (and more) for this address; null asks for <c>application/json</c>.</param>
    public Task<CachedCopy> GetAsync(
        Uri address, Func<byte[], string?>? check = null, CancellationToken cancellationToken = default, Action<HttpRequestMessage>? prepare = null) =>
        // Looked up first: GetOrAdd's factory would capture check and prepare on every request.
        (_entries.TryGetValue(address, out var entry) ? entry : _entries.GetOrAdd(address, a => new Entry(a, check ?? UpstreamDocument.AnyJson, prepare)))
            .GetAsync(this, cancellationToken);

    /// <summary>The copy held now, without fetching; null when the address was never asked for.</summary>
    public CachedCopy? Peek(Uri address) => _entries.TryGetValue(address, out var entry) ? entry.Current : null;

    /// <summary>The bytes the copies held now take.</summary>
    public long HeldBytes => _entries.Values.Sum(e => e.Size);

    /// <summary>Drops the copies used longest ago, never <paramref name="kept"/>, until the rest fit the budget.</summary>
    private void Trim(Entry kept)
    {
        var held = HeldBytes;
        if (held <= budgetBytes) return;
        foreach (var (address, entry) in _entries.OrderBy(e => e.Value.LastUsed).ToList())
        {
            if (held <= budgetBytes) break;
            if (ReferenceEquals(entry, kept) || entry.Size == 0) continue;
            if (_entries.TryRemove(address, out _)) held -= entry.Size;
        }
    }

    /// <summary>The copy once the refresh under way (if any) is over; never starts one.</summary>
    public Task<CachedCopy> SettledAsync(Uri address) =>
        _entries.TryGetValue(address, out var entry) ? entry.SettledAsync() : Task.FromResult(new CachedCopy(address, null, null, UpstreamState.Down, "not fetched yet", null));

    private async Task<CachedCopy> FetchAsync(CachedCopy previous, Func<byte[], string?> check, Action<HttpRequestMessage>? prepare)
    {
        var now = _clock.GetUtcNow();
        try
        {
            var fetched = previous.Address.IsFile ? ReadFile(previous.Address) : await _fetch.GetAsync(previous.Address, request =>
            {
                if (prepare is null) request.Headers.TryAddWithoutValidation("Accept", "application/json");
                else prepare(request);
                if (previous is { ETag: { } etag, Content: not null }) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }).ConfigureAwait(false);
            // The same bytes again (a file, a server without ETags) keep the copy, and so whatever was made of it.
            if (fetched.NotModified || (previous.Content is { } held && fetched.Content.AsSpan().SequenceEqual(held)))
            {
                return previous.Content is null
                    ? Failed(previous, $"upstream {previous.Address}: 304 Not Modified without a copy to keep", now)
                    : previous with { State = UpstreamState.Fresh, Problem = null, FailingSince = null, CheckedAt = now };
            }
            if (check(fetched.Content!) is { } problem) return Failed(previous, $"upstream {previous.Address}: {problem}", now);
            return new CachedCopy(previous.Address, fetched.Content, fetched.ETag, UpstreamState.Fresh, null, now);
        }
        catch (SourceUnavailableException e)
        {
            return Failed(previous, e.Message, now);
        }
        catch (Exception e)
        {
            // A refresh serves every later request: whatever it throws must not poison the entry.
            return Failed(previous, $"upstream {previous.Address}: {e.Message}", now);
        }
    }

    /// <summary>A <c>file:</c> upstream, read whole within the byte limit (a device that never ends included).</summary>
    private FetchedBody ReadFile(Uri address)
    {
        var read = BoundedFile.Read(address.LocalPath, _fetch.Limits.MaxBytes);
        return read.Content is { } content
            ? new FetchedBody(address, false, content, null, null)
            : throw new SourceUnavailableException($"upstream {address.LocalPath}: {read.Problem}");
    }

    private static CachedCopy Failed(CachedCopy previous, string problem, DateTimeOffset now) => previous with
    {
        State = previous.Content is null ? UpstreamState.Down : UpstreamState.Stale,
        Problem = problem,
        FailingSince = previous.FailingSince ?? now,
        CheckedAt = now,
    };

    private sealed class Entry(Uri address, Func<byte[], string?> check, Action<HttpRequestMessage>? prepare)
    {
        private readonly Lock _gate = new();
        private Task<CachedCopy>? _refreshing;

        // The copy as a finished task, made once per copy rather than once per request.
        private volatile Task<CachedCopy> _current = Task.FromResult(new CachedCopy(address, null, null, UpstreamState.Down, "not fetched yet", null));

        public CachedCopy Current => _current.Result;

        /// <summary>When a request last asked for this copy (clock ticks), for the budget's order.</summary>
        public long LastUsed { get; private set; }

        public long Size => Current.Content?.LongLength ?? 0;

        public Task<CachedCopy> GetAsync(UpstreamCache cache, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                LastUsed = cache._clock.GetTimestamp();
                var current = Current;
                if (current.CheckedAt is { } at && cache._clock.GetUtcNow() - at < cache._ttl) return _current;
                // The fetch is not tied to one request's cancellation: other requests may share it.
                _refreshing ??= RefreshAsync(cache, current);
                return current.Content is null ? _refreshing.WaitAsync(cancellationToken) : _current;
            }
        }

        public Task<CachedCopy> SettledAsync()
        {
            lock (_gate) return _refreshing ?? Task.FromResult(Current);
        }

        private async Task<CachedCopy> RefreshAsync(UpstreamCache cache, CachedCopy current)
        {
            await Task.Yield();
            var next = current;
            try
            {
                next = await cache.FetchAsync(current, check, prepare).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    if (!ReferenceEquals(next, current)) _current = Task.FromResult(next);
                    _refreshing = null;
                }
            }
            cache.Trim(this);
            return next;
        }
    }
}
