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
    /// this title and body; one is opened when there is none.
    /// </summary>
    public async Task<OpenedPullRequest> OpenOrUpdateAsync(
        RepositorySlug repo, string branch, string baseBranch, string title, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var (owner, name) = (repo.Owner, repo.Name);
        var open = await Retry.RunAsync($"list pull requests of {repo}",
            () => Client.PullRequest.GetAllForRepository(owner, name, new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{owner}:{branch}", Base = baseBranch }),
            cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(p => p.Head?.Ref == branch) is { } current)
        {
            var updated = await Retry.RunAsync($"update pull request {repo}#{current.Number}",
                () => Client.PullRequest.Update(owner, name, current.Number, new PullRequestUpdate { Title = title, Body = body }), cancellationToken).ConfigureAwait(false);
            return new OpenedPullRequest(updated.Number, updated.HtmlUrl, false);
        }
        var created = await Retry.RunAsync($"open a pull request on {repo}",
            () => Client.PullRequest.Create(owner, name, new NewPullRequest(title, branch, baseBranch) { Body = body }), cancellationToken).ConfigureAwait(false);
        return new OpenedPullRequest(created.Number, created.HtmlUrl, true);
    }
}
