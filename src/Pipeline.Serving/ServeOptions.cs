using Pipeline.Build;
using Pipeline.Repositories.Fetching;
using Pipeline.Serving.LocalTree;

namespace Pipeline.Serving;

/// <summary>What <see cref="UniverseServer"/> serves, and how.</summary>
public sealed record ServeOptions
{
    public const string DefaultListen = "127.0.0.1:8080";

    /// <summary>An IP address and port, e.g. <c>127.0.0.1:8080</c>; port 0 picks a free one.</summary>
    public string Listen { get; init; } = DefaultListen;

    /// <summary>The local universe, built in memory; its packages come first. Null serves upstreams only.</summary>
    public BuildResult? Local { get; init; }

    /// <summary>
    /// A local universe tree to build, serve first and follow as it changes on disk (instead of
    /// <see cref="Local"/>): a snapshot that does not validate never replaces one that does.
    /// </summary>
    public LocalTreeOptions? LocalTree { get; init; }

    /// <summary>The upstream repositories, highest priority first: a package name is taken from the first that has it.</summary>
    public IReadOnlyList<Upstream> Upstreams { get; init; } = [];

    /// <summary>The upstream packages served; empty serves them all. Local packages are never filtered.</summary>
    public IReadOnlyCollection<string> Allow { get; init; } = [];

    /// <summary>How long an upstream copy is used before it is revalidated.</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromMinutes(5);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Bounds of each upstream fetch: decoded bytes (64 MB by default; a larger body fails and the
    /// last good copy stays), a deadline over headers and body, and redirects followed.
    /// </summary>
    public FetchLimits Limits { get; init; } = new() { Deadline = TimeSpan.FromSeconds(30) };

    /// <summary>The bytes all upstream copies may hold together; past it the least recently used are dropped.</summary>
    public long CacheBudgetBytes { get; init; } = Pipeline.Serving.Upstreams.UpstreamCache.DefaultBudgetBytes;

    /// <summary>
    /// Where serve tells its operator about events (a priority conflict, a tree that stopped
    /// validating, an upstream that fails): one line per event, never one per request. Null drops them.
    /// </summary>
    public Action<string>? Notice { get; init; }

    /// <summary>The client for upstream requests; null makes (and disposes) one that leaves redirects to the fetch.</summary>
    public HttpClient? Http { get; init; }
}
