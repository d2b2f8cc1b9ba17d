namespace Pipeline.Serving.LocalTree;

/// <summary>
/// The local source as served now: its snapshot (null when the tree could never be read), its state,
/// the last problem and since when the current run of problems lasts, and when the tree was last built.
/// </summary>
public sealed record LocalTreeStatus(TreeSnapshot? Snapshot, LocalTreeState State, string? Problem, DateTimeOffset? Since, DateTimeOffset CheckedAt)
{
    /// <summary>The folder followed; null for a build given once (<see cref="ServeOptions.Local"/>).</summary>
    public string? Root { get; init; }

    /// <summary>A build given once: fresh for good.</summary>
    public static LocalTreeStatus Fixed(Pipeline.Build.BuildResult build, DateTimeOffset at) =>
        new(new TreeSnapshot(build, 1, at, Validates: true), LocalTreeState.Fresh, null, null, at);
}
