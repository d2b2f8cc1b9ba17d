using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.PullRequests;

/// <summary>
/// Reads and opens pull requests. Each call is retried by the policy; a failure leaves as a
/// <see cref="GitHubReportException"/> naming what was being done.
/// </summary>
public sealed class PullRequestApi : GitHubConcern
{
    internal PullRequestApi(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    /// <summary>The commit the pull request's head is at now.</summary>
    public async Task<string> HeadShaAsync(RepositorySlug repo, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var pullRequest = await Retry.RunAsync("read the pull request", () => Client.PullRequest.Get(repo.Owner, repo.Name, number), cancellationToken).ConfigureAwait(false);
        return pullRequest.Head.Sha;
    }

    /// <summary>
    /// The open pull request from <paramref name="branch"/> into <paramref name="baseBranch"/> gets
    /// this title and body; one is opened when there is none. The branch is in
    /// <paramref name="repo"/> itself, or in <paramref name="headOwner"/>'s fork of it.
    /// </summary>
    /// <param name="headOwner">The owner of the fork the branch is in; null for a branch of <paramref name="repo"/>.</param>
    public async Task<OpenedPullRequest> OpenOrUpdateAsync(
        RepositorySlug repo, string branch, string baseBranch, string title, string body, string? headOwner = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var (owner, name) = (repo.Owner, repo.Name);
        // GitHub names a head by "owner:branch", in the list filter and, for a fork, when opening.
        var from = headOwner ?? owner;
        var open = await Retry.RunAsync($"list pull requests of {repo}",
            () => Client.PullRequest.GetAllForRepository(owner, name, new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{from}:{branch}", Base = baseBranch }),
            cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(p => p.Head?.Ref == branch && IsFrom(p.Head, from)) is { } current)
        {
            var updated = await Retry.RunAsync($"update pull request {repo}#{current.Number}",
                () => Client.PullRequest.Update(owner, name, current.Number, new PullRequestUpdate { Title = title, Body = body }), cancellationToken).ConfigureAwait(false);
            return new OpenedPullRequest(updated.Number, updated.HtmlUrl, false);
        }
        var head = headOwner is null ? branch : $"{headOwner}:{branch}";
        var created = await Retry.RunAsync($"open a pull request from {head} on {repo}",
            () => Client.PullRequest.Create(owner, name, new NewPullRequest(title, head, baseBranch) { Body = body }), cancellationToken).ConfigureAwait(false);
        return new OpenedPullRequest(created.Number, created.HtmlUrl, true);
    }

    // The head's repository names its owner; its user does when the repository is gone.
    private static bool IsFrom(GitReference head, string owner) =>
        string.Equals(head.Repository?.Owner?.Login ?? head.User?.Login ?? owner, owner, StringComparison.OrdinalIgnoreCase);
}
