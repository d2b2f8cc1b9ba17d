namespace Pipeline.Serving.LocalTree;

/// <summary>How the local tree is served, as <c>/health</c> reports it.</summary>
public enum LocalTreeState
{
    /// <summary>The snapshot served is the tree as it is on disk, and it validates.</summary>
    Fresh,

    /// <summary>The tree on disk does not validate (or cannot be read); an older snapshot that did is served.</summary>
    Stale,

    /// <summary>No snapshot that validates exists: what is served (if anything) does not validate.</summary>
    Failing,
}
