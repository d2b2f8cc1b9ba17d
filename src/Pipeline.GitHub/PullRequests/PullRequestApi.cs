using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.PullRequests;

/// <summary>
/// Reads and opens pull requests. Each call is retried by the policy; a failure leaves as a
/// <see cref="GitHubReportException"/> naming what was being done.
/// </summary>
public sealed class PullRequestApi
{
    private readonly IGitHubClient _client;
    private readonly GitHubRetryPolicy _retry;

    internal PullRequestApi(IGitHubClient client, GitHubRetryPolicy retry)
    {
        _client = client;
        _retry = retry;
    }

    /// <summary>The commit the pull request's head is at now.</summary>
    public async Task<string> HeadShaAsync(RepositorySlug repo, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var pullRequest = await _retry.RunAsync("read the pull request", () => _client.PullRequest.Get(repo.Owner, repo.Name, number), cancellationToken).ConfigureAwait(false);
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
        var open = await _retry.RunAsync($"list pull requests of {repo}",
            () => _client.PullRequest.GetAllForRepository(owner, name, new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{owner}:{branch}", Base = baseBranch }),
            cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(p => p.Head?.Ref == branch) is { } current)
        {
            var updated = await _retry.RunAsync($"update pull request {repo}#{current.Number}",
                () => _client.PullRequest.Update(owner, name, current.Number, new PullRequestUpdate { Title = title, Body = body }), cancellationToken).ConfigureAwait(false);
            return new OpenedPullRequest(updated.Number, updated.HtmlUrl, false);
        }
        var created = await _retry.RunAsync($"open a pull request on {repo}",
            () => _client.PullRequest.Create(owner, name, new NewPullRequest(title, branch, baseBranch) { Body = body }), cancellationToken).ConfigureAwait(false);
        return new OpenedPullRequest(created.Number, created.HtmlUrl, true);
    }
}
