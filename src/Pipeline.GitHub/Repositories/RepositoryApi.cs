using Octokit;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Identity;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub.Repositories;

/// <summary>
/// Repositories as the token sees them: whether it may push, and its user's fork of one (found or
/// made). Each call is retried by the policy; a failure leaves as a <see cref="GitHubReportException"/>.
/// </summary>
public sealed class RepositoryApi : GitHubConcern
{
    internal RepositoryApi(IGitHubClient client, GitHubRetryPolicy retry)
        : base(client, retry)
    {
    }

    /// <summary>The repository's facts, or null when it does not exist or the token cannot see it (404).</summary>
    public async Task<RepositoryFacts?> FindAsync(RepositorySlug repo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        try
        {
            var found = await Retry.RunAsync($"read repository {repo}", () => Client.Repository.Get(repo.Owner, repo.Name), cancellationToken).ConfigureAwait(false);
            return FactsOf(found);
        }
        catch (GitHubReportException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The token user's fork of <paramref name="upstream"/>: <c>{login}/{name}</c> when it is a fork
    /// of it, else made now. Waits (bounded, on the policy's clock) until the fork's default branch
    /// can be read, since GitHub makes forks asynchronously.
    /// </summary>
    /// <exception cref="GitHubReportException">
    /// The token is an installation token (which cannot fork), <c>{login}/{name}</c> exists and is not
    /// a fork of <paramref name="upstream"/>, the fork did not become ready, or GitHub refused.
    /// </exception>
    public async Task<ForkedRepository> ForkAsync(RepositorySlug upstream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var login = await TokenIdentity.UserLoginAsync(Client, Retry, cancellationToken).ConfigureAwait(false)
            ?? throw new GitHubReportException(
                $"The token may not push to {upstream}, and it is an installation token (such as the workflow's GITHUB_TOKEN), which cannot fork a repository: "
                + $"give a personal access token of a user who may push to {upstream}, or of a user whose fork of it the pull request can come from");
        var candidate = new RepositorySlug(login, upstream.Name);
        var created = false;
        var fork = await FindAsync(candidate, cancellationToken).ConfigureAwait(false);
        if (fork is not null && !fork.IsForkOf(upstream))
        {
            var what = fork.IsFork ? $"is a fork of {fork.Parent?.ToString() ?? "another repository"}, not of {upstream}" : $"is not a fork of {upstream}";
            throw new GitHubReportException(
                $"{candidate} exists and {what}: rename or delete it, or use a token that may push to {upstream}");
        }
        if (fork is null)
        {
            var made = await Retry.RunAsync($"fork {upstream} for {login}",
                () => Client.Repository.Forks.Create(upstream.Owner, upstream.Name, new NewRepositoryFork()), cancellationToken).ConfigureAwait(false);
            fork = FactsOf(made);
            created = true;
        }
        await WaitUntilReadableAsync(fork, cancellationToken).ConfigureAwait(false);
        return new ForkedRepository(fork.Slug, login, fork.DefaultBranch, created);
    }

    private async Task WaitUntilReadableAsync(RepositoryFacts fork, CancellationToken cancellationToken)
    {
        var options = Retry.Options;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Retry.RunAsync($"read branch {fork.DefaultBranch} of {fork.Slug}",
                    () => Client.Repository.Branch.Get(fork.Slug.Owner, fork.Slug.Name, fork.DefaultBranch), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (GitHubReportException e) when (e.StatusCode is 404 or 409 && attempt < options.ForkReadyAttempts)
            {
                // 404 (or 409 "Git Repository is empty") while GitHub is still copying the fork.
            }
            catch (GitHubReportException e) when (e.StatusCode is 404 or 409)
            {
                throw new GitHubReportException(
                    $"GitHub made the fork {fork.Slug}, but its branch {fork.DefaultBranch} could still not be read after {attempt} attempts {options.ForkReadyDelay.TotalSeconds:0}s apart: run the bump again in a few minutes", e);
            }
            await Task.Delay(options.ForkReadyDelay, Retry.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static RepositoryFacts FactsOf(Repository repo) => new(
        new RepositorySlug(repo.Owner?.Login ?? "", repo.Name ?? ""),
        repo.DefaultBranch ?? "",
        repo.Permissions?.Push ?? false,
        repo.Fork,
        SlugOf(repo.Parent),
        SlugOf(repo.Source));

    private static RepositorySlug? SlugOf(Repository? repo) =>
        repo?.FullName is { } fullName && fullName.Split('/') is [var owner, var name] ? new RepositorySlug(owner, name) : null;
}
