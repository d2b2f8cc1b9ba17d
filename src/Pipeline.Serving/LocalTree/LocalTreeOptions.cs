namespace Pipeline.Serving.LocalTree;

/// <summary>A universe tree on disk that serve builds, serves first, and follows as it changes.</summary>
public sealed record LocalTreeOptions(string Root)
{
    /// <summary>Watch the files for changes (the rescan below catches what watching misses).</summary>
    public bool Watch { get; init; } = true;

    /// <summary>
    /// How often the tree's fingerprint is compared, whatever the watcher says: watchers miss events
    /// on network file systems and in containers. <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after a watched event the tree is checked: an editor's save is several events.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(100);
}
