namespace Pipeline.GitHub.PullRequests;

/// <summary>The <c>status</c> GitHub's pull request files API gives a file.</summary>
public enum PullRequestFileStatus
{
    Added,
    Modified,
    Removed,
    Renamed,
    Copied,
    Changed,
    Unchanged,
}

/// <summary>One file of a pull request as GitHub lists it, by repository path.</summary>
/// <param name="PreviousPath">The old path of a renamed file, null otherwise.</param>
public sealed record PullRequestFile(string Path, PullRequestFileStatus Status, string? PreviousPath);

/// <param name="Truncated">
/// True when GitHub's 3,000-file cap may have hidden files; the caller should take the change
/// set from Git instead.
/// </param>
public sealed record PullRequestFileList(IReadOnlyList<PullRequestFile> Files, bool Truncated);
