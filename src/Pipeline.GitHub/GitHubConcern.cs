using Octokit;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub;

/// <summary>
/// One concern of <see cref="GitHubApi"/> (check runs, labels, releases, …): it calls GitHub
/// through the client, each call under the retry policy. Only this project makes one.
/// </summary>
public abstract class GitHubConcern
{
    private protected GitHubConcern(IGitHubClient client, GitHubRetryPolicy retry)
    {
        Client = client;
        Retry = retry;
    }

    private protected IGitHubClient Client { get; }

    private protected GitHubRetryPolicy Retry { get; }
}
