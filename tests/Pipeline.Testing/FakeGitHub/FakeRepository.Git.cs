using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// A small Git database: blobs, trees (kept flat, path → blob), commits and branch references,
/// plus the default branch and the pull requests opened through the API. Blob SHAs are Git's;
/// tree SHAs depend only on the content, so the same files give the same tree, as in Git.
/// </summary>
public sealed partial class FakeRepository
{
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, string>> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeCommit> _commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly List<FakeOpenedPullRequest> _opened = [];

    public string DefaultBranch { get; set; } = "main";

    /// <summary>Makes a commit holding <paramref name="files"/> (on top of the branch if it exists) and points the branch at it.</summary>
    public string SeedBranch(string branch, IReadOnlyDictionary<string, string> files, string message = "Seed")
    {
        lock (_gate)
        {
            var parent = _refs.GetValueOrDefault($"refs/heads/{branch}");
            var entries = parent is null ? new SortedDictionary<string, string>(StringComparer.Ordinal) : new SortedDictionary<string, string>(FindTree(FindCommit(parent)!.TreeSha)!, StringComparer.Ordinal);
            foreach (var (path, content) in files) entries[path] = StoreBlob(Encoding.UTF8.GetBytes(content));
            var commit = StoreCommit(StoreTree(entries), parent is null ? [] : [parent], message);
            _refs[$"refs/heads/{branch}"] = commit.Sha;
            return commit.Sha;
        }
    }

    /// <summary>The commit a branch points at, or null.</summary>
    public string? BranchHead(string branch)
    {
        lock (_gate) return _refs.GetValueOrDefault($"refs/heads/{branch}");
    }

    public FakeCommit? Commit(string sha)
    {
        lock (_gate) return FindCommit(sha);
    }

    /// <summary>Every file of the branch's head commit as UTF-8 text, by path; empty when there is no such branch.</summary>
    public IReadOnlyDictionary<string, string> FilesAt(string branch)
    {
        lock (_gate)
        {
            if (_refs.GetValueOrDefault($"refs/heads/{branch}") is not { } head) return new Dictionary<string, string>();
            return FindTree(FindCommit(head)!.TreeSha)!.ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(FindBlob(e.Value)!), StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<FakeOpenedPullRequest> OpenedPullRequests()
    {
        lock (_gate) return _opened.ToList();
    }

    public IReadOnlyList<string> Branches()
    {
        lock (_gate) return _refs.Keys.Where(r => r.StartsWith("refs/heads/", StringComparison.Ordinal)).Select(r => r["refs/heads/".Length..]).Order(StringComparer.Ordinal).ToList();
    }

    internal string CreateBlob(byte[] content)
    {
        lock (_gate) return StoreBlob(content);
    }

    internal byte[]? Blob(string sha)
    {
        lock (_gate) return FindBlob(sha);
    }

    /// <summary>A tree from <paramref name="baseTree"/> (or nothing) with the entries set; null entry SHA deletes. Null when a SHA is unknown.</summary>
    internal string? CreateTree(string? baseTree, IReadOnlyList<(string Path, string? Sha)> entries)
    {
        lock (_gate)
        {
            SortedDictionary<string, string> tree;
            if (baseTree is null) tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
            else if (FindTree(baseTree) is { } existing) tree = new SortedDictionary<string, string>(existing, StringComparer.Ordinal);
            else return null;
            foreach (var (path, sha) in entries)
            {
                if (sha is null)
                {
                    tree.Remove(path);
                    continue;
                }
                if (FindBlob(sha) is null) return null;
                tree[path] = sha;
            }
            return StoreTree(tree);
        }
    }

    internal IReadOnlyDictionary<string, string>? Tree(string sha)
    {
        lock (_gate) return FindTree(sha) is { } tree ? new Dictionary<string, string>(tree, StringComparer.Ordinal) : null;
    }

    /// <summary>Null when the tree or a parent is unknown.</summary>
    internal FakeCommit? CreateCommit(string message, string tree, IReadOnlyList<string> parents)
    {
        lock (_gate)
        {
            if (FindTree(tree) is null || parents.Any(p => FindCommit(p) is null)) return null;
            return StoreCommit(tree, parents, message);
        }
    }

    /// <param name="name">A full reference name, <c>refs/heads/…</c>.</param>
    internal string? Reference(string name)
    {
        lock (_gate) return _refs.GetValueOrDefault(name);
    }

    internal IReadOnlyList<(string Name, string Sha)> References(string prefix)
    {
        lock (_gate) return _refs.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)).ToList();
    }

    /// <summary>False when the reference exists already (GitHub answers 422 "Reference already exists").</summary>
    internal bool CreateReference(string name, string sha)
    {
        lock (_gate) return _refs.TryAdd(name, sha);
    }

    internal enum ReferenceUpdate
    {
        Updated,
        NotFound,
        UnknownCommit,
        NotFastForward,
    }

    internal ReferenceUpdate UpdateReference(string name, string sha, bool force)
    {
        lock (_gate)
        {
            if (!_refs.TryGetValue(name, out var current)) return ReferenceUpdate.NotFound;
            if (FindCommit(sha) is null) return ReferenceUpdate.UnknownCommit;
            if (!force && !IsAncestor(current, sha)) return ReferenceUpdate.NotFastForward;
            _refs[name] = sha;
            return ReferenceUpdate.Updated;
        }
    }

    /// <param name="headOwner">The owner of the fork the head branch is in; null for a branch of this repository.</param>
    internal FakeOpenedPullRequest OpenPullRequest(string title, string? body, string head, string baseBranch, string? headOwner = null)
    {
        lock (_gate)
        {
            var number = _pulls.Keys.Concat(_opened.Select(p => p.Number)).DefaultIfEmpty(0).Max() + 1;
            var now = Now();
            var pull = new FakeOpenedPullRequest(number, _nextId(), title, body, head, baseBranch, "open", now, now) { HeadOwner = headOwner };
            _opened.Add(pull);
            return pull;
        }
    }

    internal FakeOpenedPullRequest? OpenedPullRequest(int number)
    {
        lock (_gate) return _opened.FirstOrDefault(p => p.Number == number);
    }

    internal FakeOpenedPullRequest? UpdatePullRequest(int number, string? title, string? body, string? state)
    {
        lock (_gate)
        {
            var index = _opened.FindIndex(p => p.Number == number);
            if (index < 0) return null;
            var pull = _opened[index];
            _opened[index] = pull with { Title = title ?? pull.Title, Body = body ?? pull.Body, State = state ?? pull.State, UpdatedAt = Now() };
            return _opened[index];
        }
    }

    private bool IsAncestor(string ancestor, string descendant)
    {
        var pending = new Stack<string>([descendant]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var sha))
        {
            if (sha == ancestor) return true;
            if (!seen.Add(sha) || FindCommit(sha) is not { } commit) continue;
            foreach (var parent in commit.Parents) pending.Push(parent);
        }
        return false;
    }

    private string StoreBlob(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var sha = Hex(SHA1.HashData([.. header, .. content]));
        _blobs[sha] = content;
        return sha;
    }

    private string StoreTree(SortedDictionary<string, string> entries)
    {
        var text = string.Concat(entries.Select(e => $"100644 {e.Key}\0{e.Value}\n"));
        var sha = Hex(SHA1.HashData(Encoding.UTF8.GetBytes($"tree\0{text}")));
        _trees[sha] = entries;
        return sha;
    }

    private FakeCommit StoreCommit(string tree, IReadOnlyList<string> parents, string message)
    {
        var date = Now();
        var text = $"tree {tree}\n{string.Concat(parents.Select(p => $"parent {p}\n"))}date {date.ToUnixTimeMilliseconds()} {_nextId()}\n\n{message}";
        var commit = new FakeCommit(Hex(SHA1.HashData(Encoding.UTF8.GetBytes(text))), tree, parents, message, date);
        _commits[commit.Sha] = commit;
        return commit;
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}

/// <summary>A commit in the fake's Git database.</summary>
public sealed record FakeCommit(string Sha, string TreeSha, IReadOnlyList<string> Parents, string Message, DateTimeOffset Date);

/// <summary>A pull request opened through the API (not one seeded with <see cref="FakeRepository.SetPullRequest"/>).</summary>
public sealed record FakeOpenedPullRequest(int Number, long Id, string Title, string? Body, string Head, string Base, string State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The owner of the fork <see cref="Head"/> is a branch of; null when it is a branch of the repository itself.</summary>
    public string? HeadOwner { get; init; }
}
