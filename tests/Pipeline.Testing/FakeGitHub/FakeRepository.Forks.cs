namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// Forks and push rights. A fork shares its parent's objects, as a fork network does on GitHub:
/// a commit, tree or blob of the parent can be named in the fork. GitHub makes a fork
/// asynchronously, so its branches can be made to answer 404 for a number of reads.
/// </summary>
public sealed partial class FakeRepository
{
    private int _notReadyReads;

    /// <summary>Whether the token may push here (<c>permissions.push</c>); Git Data writes answer 403 when false.</summary>
    public bool Writable { get; set; } = true;

    /// <summary>The repository this one is a fork of, or null.</summary>
    public FakeRepository? ForkedFrom { get; private set; }

    /// <summary>The root of the fork network: the repository GitHub names as <c>source</c>.</summary>
    public FakeRepository Source => ForkedFrom?.Source ?? this;

    /// <summary>Makes this repository a fork of <paramref name="parent"/> with its default branch; branch reads answer 404 <paramref name="notReadyReads"/> times first.</summary>
    internal void ForkFrom(FakeRepository parent, int notReadyReads)
    {
        var defaultBranch = parent.DefaultBranch;
        var head = parent.BranchHead(defaultBranch);
        lock (_gate)
        {
            ForkedFrom = parent;
            DefaultBranch = defaultBranch;
            _notReadyReads = notReadyReads;
            if (head is not null) _refs[$"refs/heads/{defaultBranch}"] = head;
        }
    }

    /// <summary>True while the fork is still being made: this read of a branch must answer 404.</summary>
    internal bool TakeNotReadyRead()
    {
        lock (_gate)
        {
            if (_notReadyReads <= 0) return false;
            _notReadyReads--;
            return true;
        }
    }

    // Called under _gate; a fork takes its parent's lock, never the other way round.
    private FakeCommit? FindCommit(string sha) => _commits.GetValueOrDefault(sha) ?? ForkedFrom?.Commit(sha);

    private SortedDictionary<string, string>? FindTree(string sha) =>
        _trees.TryGetValue(sha, out var tree) ? tree
        : ForkedFrom?.Tree(sha) is { } shared ? new SortedDictionary<string, string>(shared.ToDictionary(), StringComparer.Ordinal)
        : null;

    private byte[]? FindBlob(string sha) => _blobs.GetValueOrDefault(sha) ?? ForkedFrom?.Blob(sha);
}
