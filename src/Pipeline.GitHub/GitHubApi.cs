using Octokit;
using Pipeline.GitHub.Checks;
using Pipeline.GitHub.Comments;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.GitData;
using Pipeline.GitHub.Labels;
using Pipeline.GitHub.PullRequests;
using Pipeline.GitHub.Releases;
using Pipeline.GitHub.Repositories;
using Pipeline.GitHub.Retries;

namespace Pipeline.GitHub;

/// <summary>
/// GitHub as the rest of the pipeline sees it: domain operations by concern, every call retried by
/// one <see cref="GitHubRetryPolicy"/>, every failure a <see cref="GitHubReportException"/>
/// (network failures and timeouts included). The Octokit client stays inside this project.
/// </summary>
public sealed class GitHubApi
{
    private readonly IGitHubClient _client;

    internal GitHubApi(IGitHubClient client, GitHubRetryPolicy retry)
    {
        _client = client;
        Retry = retry;
        CheckRuns = new CheckRunReporter(client, retry);
        Labels = new PullRequestLabels(client, retry);
        PullRequestFiles = new PullRequestFiles(client, retry);
        PullRequests = new PullRequestApi(client, retry);
        Releases = new ReleasePublisher(client, retry);
        GitData = new GitDataApi(client, retry);
        Repositories = new RepositoryApi(client, retry);
    }

    /// <summary>
    /// GitHub at <paramref name="apiUrl"/> (see <see cref="GitHubConnection.ApiUrlOrDefault"/>),
    /// as the token's identity; anonymous without one.
    /// </summary>
    /// <param name="retry">How calls are retried, and the clock they read (<see cref="GitHubRetryPolicy.Clock"/>).</param>
    public static GitHubApi Connect(string apiUrl, string? token, GitHubRetryPolicy? retry = null) =>
        new(GitHubConnection.Create(apiUrl, token), retry ?? new GitHubRetryPolicy());

    public GitHubRetryPolicy Retry { get; }

    public CheckRunReporter CheckRuns { get; }

    public PullRequestLabels Labels { get; }

    public PullRequestFiles PullRequestFiles { get; }

    public PullRequestApi PullRequests { get; }

    public ReleasePublisher Releases { get; }

    public GitDataApi GitData { get; }

    public RepositoryApi Repositories { get; }

    /// <summary>The sticky comment kept under <paramref name="key"/> (see <see cref="Comments.StickyComment"/>).</summary>
    public StickyComment StickyComment(string key = "report") => new(_client, Retry, key);
}
