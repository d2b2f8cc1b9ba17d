namespace Pipeline.Serving.Upstreams;

/// <summary>An upstream as served now: its copy (state, problem) and what it turned out to be, null until first fetched.</summary>
public sealed record UpstreamStatus(Upstream Upstream, CachedCopy Copy, UpstreamKind? Kind);
