using Pipeline.Serving.LocalTree;
using Pipeline.Serving.Upstreams;

namespace Pipeline.Serving;

/// <summary>
/// The words <c>/health</c> and the serve command use for a source's state, the same for the local
/// tree and the upstreams: <c>fresh</c>, <c>stale</c> (an older copy is served since the newer one
/// fails), <c>failing</c> (no good copy at all).
/// </summary>
public static class SourceStateNames
{
    public static string Of(UpstreamState state) => state switch
    {
        UpstreamState.Fresh => "fresh",
        UpstreamState.Stale => "stale",
        _ => "failing",
    };

    public static string Of(LocalTreeState state) => state switch
    {
        LocalTreeState.Fresh => "fresh",
        LocalTreeState.Stale => "stale",
        _ => "failing",
    };
}
