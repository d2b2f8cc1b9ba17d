using System.Globalization;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// The operator's lines about the local tree: one when it stops validating (or a different problem
/// follows), one when it validates again; never one per check.
/// </summary>
internal sealed class TreeNotices(string root, Action<string>? notice)
{
    public void Report(LocalTreeStatus before, LocalTreeStatus after)
    {
        if (notice is null) return;
        if (after.Problem is null)
        {
            if (before.Problem is not null) notice(string.Create(CultureInfo.InvariantCulture, $"local tree {root} validates again; serving generation {after.Snapshot!.Generation}"));
            return;
        }
        if (after.Problem == before.Problem) return;
        notice(after switch
        {
            { State: LocalTreeState.Stale, Snapshot: { } kept } => string.Create(CultureInfo.InvariantCulture,
                $"local tree {root} does not validate, still serving generation {kept.Generation} of {kept.BuiltAt:u}: {after.Problem}"),
            { Snapshot: not null } => $"local tree {root} does not validate, served anyway (no earlier snapshot validates): {after.Problem}",
            _ => $"local tree {root} cannot be served: {after.Problem}",
        });
    }
}
