using Octokit;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.PullRequests;

public enum ChangedFileStatus
{
    Added,
    Modified,
    Removed,
    Renamed,
    Copied,
    Changed,
    Unchanged,
}

/// <param name="PreviousPath">The old path of a renamed file, null otherwise.</param>
public sealed record ChangedFile(string Path, ChangedFileStatus Status, string? PreviousPath);

/// <param name="Truncated">
/// True when GitHub's 3,000-file cap may have hidden files; the caller should take the change
/// set from Git instead.
/// </param>
public sealed record PullRequestFileList(IReadOnlyList<ChangedFile> Files, bool Truncated);

/// <summary>Lists the files a pull request changes, across all pages.</summary>
public sealed class PullRequestFiles
{
    private readonly IGitHubClient _client;
    private readonly GitHubRetryPolicy _retry;

    internal PullRequestFiles(IGitHubClient client, GitHubRetryPolicy retry)
    {
        _client = client;
        _retry = retry;
    }

    /// <summary>GitHub lists at most this many files of one pull request.</summary>
    public const int GitHubFileLimit = 3_000;

    public async Task<PullRequestFileList> ListAsync(RepositorySlug repo, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var files = await _retry.RunAsync($"list files of pull request {repo}#{number}",
            () => _client.PullRequest.Files(repo.Owner, repo.Name, number, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        var list = files.Select(f => new ChangedFile(
            f.FileName,
            StatusOf(f.Status),
            string.IsNullOrEmpty(f.PreviousFileName) ? null : f.PreviousFileName)).ToList();
        return new PullRequestFileList(list, list.Count >= GitHubFileLimit);
    }

    // An unknown status means GitHub added one; "changed" is the safe reading (look at the file).
    private static ChangedFileStatus StatusOf(string? status) => status switch
    {
        "added" => ChangedFileStatus.Added,
        "modified" => ChangedFileStatus.Modified,
        "removed" => ChangedFileStatus.Removed,
        "renamed" => ChangedFileStatus.Renamed,
        "copied" => ChangedFileStatus.Copied,
        "unchanged" => ChangedFileStatus.Unchanged,
        _ => ChangedFileStatus.Changed,
    };
}
