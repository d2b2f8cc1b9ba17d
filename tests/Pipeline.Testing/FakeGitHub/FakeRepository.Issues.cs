namespace Pipeline.Testing.FakeGitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeIssueComment> _comments = [];
    private readonly Dictionary<int, List<string>> _labels = [];
    private readonly Dictionary<int, List<FakePullRequestFile>> _pullFiles = [];

    public FakeIssueComment AddComment(int issueNumber, string body, string user = "octocat")
    {
        lock (_gate)
        {
            var now = Now();
            var comment = new FakeIssueComment(_nextId(), issueNumber, body, user, now, now);
            _comments.Add(comment);
            return comment;
        }
    }

    public IReadOnlyList<FakeIssueComment> Comments(int issueNumber)
    {
        lock (_gate) return _comments.Where(c => c.IssueNumber == issueNumber).ToList();
    }

    internal FakeIssueComment? UpdateComment(long id, string body)
    {
        lock (_gate)
        {
            var index = _comments.FindIndex(c => c.Id == id);
            if (index < 0) return null;
            _comments[index] = _comments[index] with { Body = body, UpdatedAt = Now() };
            return _comments[index];
        }
    }

    public IReadOnlyList<string> Labels(int issueNumber)
    {
        lock (_gate) return _labels.TryGetValue(issueNumber, out var list) ? list.ToList() : [];
    }

    /// <summary>Adds labels GitHub's way: names compare case-insensitively and the first spelling stays.</summary>
    public IReadOnlyList<string> AddLabels(int issueNumber, IEnumerable<string> names)
    {
        lock (_gate)
        {
            if (!_labels.TryGetValue(issueNumber, out var list)) _labels[issueNumber] = list = [];
            foreach (var name in names)
            {
                if (!list.Contains(name, StringComparer.OrdinalIgnoreCase)) list.Add(name);
            }
            return list.ToList();
        }
    }

    /// <summary>Removes one label; false when the issue did not carry it (GitHub answers 404).</summary>
    internal bool RemoveLabel(int issueNumber, string name, out IReadOnlyList<string> remaining)
    {
        lock (_gate)
        {
            remaining = [];
            if (!_labels.TryGetValue(issueNumber, out var list)) return false;
            var removed = list.RemoveAll(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase)) > 0;
            remaining = list.ToList();
            return removed;
        }
    }

    public void SetPullRequestFiles(int pullNumber, IEnumerable<FakePullRequestFile> files)
    {
        lock (_gate) _pullFiles[pullNumber] = files.ToList();
    }

    internal IReadOnlyList<FakePullRequestFile>? PullRequestFiles(int pullNumber)
    {
        lock (_gate) return _pullFiles.TryGetValue(pullNumber, out var files) ? files.ToList() : null;
    }
}

public sealed partial class FakeRepository
{
    private readonly Dictionary<int, (string HeadSha, string BaseSha)> _pulls = [];

    /// <summary>Makes pull request <paramref name="number"/> exist with these head and base commits.</summary>
    public void SetPullRequest(int number, string headSha, string baseSha = "0000000000000000000000000000000000000000")
    {
        lock (_gate) _pulls[number] = (headSha, baseSha);
    }

    internal (string HeadSha, string BaseSha)? PullRequest(int number)
    {
        lock (_gate) return _pulls.TryGetValue(number, out var pull) ? pull : null;
    }
}
