using System.Net;
using System.Net.Sockets;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

/// <summary>
/// What callers outside this project see: domain values, and every failure (GitHub's refusal, no
/// answer at all, a timeout) as one exception type.
/// </summary>
public sealed class GitHubApiTests
{
    private static readonly RepositorySlug Repo = new("acme", "universe");

    private static GitHubRetryPolicy NoWaiting(FakeClock clock) => new(new RetryOptions { MaxTotalWait = TimeSpan.Zero }, clock);

    [Fact]
    public async Task AMissingPullRequestIsAGitHubReportExceptionWith404()
    {
        await using var gh = await TestGitHub.StartAsync();
        var api = GitHubApi.Connect(gh.Server.BaseUrl.ToString(), TestGitHub.Token, gh.Retry);

        var act = () => api.PullRequests.HeadShaAsync(gh.Repo, 404);

        var error = (await act.Should().ThrowAsync<GitHubReportException>()).Which;
        error.StatusCode.Should().Be(404);
        error.Message.Should().Contain("GitHub refused to read the pull request").And.Contain("does not exist");
    }

    [Fact]
    public async Task AnUnreachableGitHubIsAGitHubReportExceptionWithoutAStatus()
    {
        var clock = new FakeClock();
        var api = GitHubApi.Connect($"http://127.0.0.1:{ClosedPort()}/", TestGitHub.Token, NoWaiting(clock));

        var act = () => api.Labels.ApplyAsync(Repo, 1, ["update"], []);

        var error = (await act.Should().ThrowAsync<GitHubReportException>()).Which;
        error.StatusCode.Should().BeNull();
        error.InnerException.Should().BeOfType<HttpRequestException>();
        error.Message.Should().Contain("list labels of acme/universe#1");
    }

    [Fact]
    public async Task ATimeoutIsAGitHubReportException()
    {
        var clock = new FakeClock();

        // HttpClient reports its own timeout as a TaskCanceledException though nobody cancelled.
        var act = () => NoWaiting(clock).RunAsync<int>("read the pull request", () => throw new TaskCanceledException("The request timed out."));

        var error = (await act.Should().ThrowAsync<GitHubReportException>()).Which;
        error.InnerException.Should().BeOfType<TaskCanceledException>();
        error.Message.Should().Contain("read the pull request");
    }

    [Fact]
    public async Task ACancelledCallStaysACancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => new GitHubRetryPolicy(clock: new FakeClock()).RunAsync<int>("read the pull request", () => Task.FromResult(1), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task FoldersAtAReferenceAreListedByNameAndAMissingPathIsNull()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.SeedBranch("main", new Dictionary<string, string>
        {
            ["packages/K/kafka/0/package.json"] = "{}",
            ["packages/K/kafka/1/package.json"] = "{}",
            ["packages/K/kafka/README.md"] = "kafka",
        });
        var api = GitHubApi.Connect(gh.Server.BaseUrl.ToString(), TestGitHub.Token, gh.Retry);

        (await api.GitData.FoldersAsync(gh.Repo, "packages/K/kafka", "main")).Should().Equal("0", "1");
        (await api.GitData.FoldersAsync(gh.Repo, "packages/Z/zookeeper", "main")).Should().BeNull();
    }

    [Fact]
    public async Task APullRequestHeadIsReadAsItsCommit()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.SetPullRequest(7, "abcdef0123456789abcdef0123456789abcdef01");
        var api = GitHubApi.Connect(gh.Server.BaseUrl.ToString(), TestGitHub.Token, gh.Retry);

        (await api.PullRequests.HeadShaAsync(gh.Repo, 7)).Should().Be("abcdef0123456789abcdef0123456789abcdef01");
    }

    /// <summary>A loopback port nothing listens on: bound once, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
