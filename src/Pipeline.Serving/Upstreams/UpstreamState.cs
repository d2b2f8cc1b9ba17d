namespace Pipeline.Serving.Upstreams;

/// <summary>How an upstream document was served, as <c>/health</c> reports it.</summary>
public enum UpstreamState
{
    /// <summary>The last fetch (or revalidation) succeeded.</summary>
    Fresh,

    /// <summary>The last fetch failed; the last good copy is served.</summary>
    Stale,

    /// <summary>No copy was ever fetched; the upstream contributes nothing.</summary>
    Down,
}
