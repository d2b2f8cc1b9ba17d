using Octokit;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.PullRequests;

/// <summary>Lists the files a pull request changes, across all pages.</summary>
public sealed class PullRequestFiles : GitHubConcern
{
    internal PullRequestFiles(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    /// <summary>GitHub lists at most this many files of one pull request.</summary>
    public const int GitHubFileLimit = 3_000;

    public async Task<PullRequestFileList> ListAsync(RepositorySlug repo, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var files = await Retry.RunAsync($"list files of pull request {repo}#{number}",
            () => Client.PullRequest.Files(repo.Owner, repo.Name, number, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        var list = files.Select(f => new PullRequestFile(
            f.FileName,
            StatusOf(f.Status),
            string.IsNullOrEmpty(f.PreviousFileName) ? null : f.PreviousFileName)).ToList();
        return new PullRequestFileList(list, list.Count >= GitHubFileLimit);
    }

    // An unknown status means GitHub added one; "changed" is the safe reading (look at the file).
    private static PullRequestFileStatus StatusOf(string? status) => status switch
    {
        "added" => PullRequestFileStatus.Added,
        "modified" => PullRequestFileStatus.Modified,
        "removed" => PullRequestFileStatus.Removed,
        "renamed" => PullRequestFileStatus.Renamed,
        "copied" => PullRequestFileStatus.Copied,
        "unchanged" => PullRequestFileStatus.Unchanged,
        _ => PullRequestFileStatus.Changed,
    };
}
