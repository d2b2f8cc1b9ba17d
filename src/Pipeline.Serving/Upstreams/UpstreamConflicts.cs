using System.Runtime.CompilerServices;
using Pipeline.Build;
using Pipeline.Serving.Merging;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// Keeps <see cref="PriorityConflicts"/> up to date with the sources served: looked at again only
/// when the local build or the upstream views differ (by reference) from the last ones, so a
/// request whose sources did not change costs two reference comparisons, not a pass over them.
/// </summary>
internal sealed class UpstreamConflicts(AllowList allow, Action<string>? notice)
{
    private static readonly ConditionalWeakTable<BuildResult, IReadOnlySet<string>> s_localNames = [];
    private readonly PriorityConflicts _conflicts = new(allow, notice);
    private volatile Sources? _seen;
    private long _updates;

    private sealed record Sources(BuildResult? Local, IReadOnlyList<ServedUpstreams.View> Views);

    /// <summary>The conflicts now, in name order.</summary>
    public IReadOnlyList<ShadowedPackage> Current => _conflicts.Current;

    /// <summary>How many times the sources were handed to <see cref="PriorityConflicts"/> (tests: once per change, not per request).</summary>
    public long Updates => Interlocked.Read(ref _updates);

    public void Follow(BuildResult? local, IReadOnlyList<ServedUpstreams.View> views)
    {
        if (_seen is { } seen && ReferenceEquals(seen.Local, local) && ReferenceEquals(seen.Views, views)) return;
        Interlocked.Increment(ref _updates);
        _conflicts.Update(
            local is null ? null : s_localNames.GetValue(local, l => UpstreamIndex.Names(l.Find("index.json")?.ToArray() ?? [])),
            [.. views.Where(v => v.Content is not null).Select(v => (v.Upstream.Name, v.Content!.Names))]);
        _seen = new Sources(local, views);
    }
}
