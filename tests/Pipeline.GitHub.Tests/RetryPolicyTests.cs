using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Labels;
using Pipeline.GitHub.Retries;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class RetryPolicyTests
{
    private const string IssueLabels = "/repos/*/*/issues/*/labels";

    private static Task<LabelChange> AddLabel(TestGitHub gh) =>
        new PullRequestLabels(gh.Client, gh.Retry).ApplyAsync(gh.Repo, 1, ["update"], []);

    [Fact]
    public async Task TooManyRequestsWaitsForRetryAfter()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.Server.InjectFault("GET", IssueLabels, FakeFault.TooManyRequests(TimeSpan.FromSeconds(7)));

        await AddLabel(gh);

        gh.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(7));
        gh.State.Labels(1).Should().Equal("update");
    }

    [Fact]
    public async Task SecondaryRateLimitAs403WaitsForRetryAfter()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.Server.InjectFault("POST", IssueLabels, FakeFault.SecondaryRateLimit(TimeSpan.FromSeconds(3)));

        await AddLabel(gh);

        gh.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(3));
        gh.State.Labels(1).Should().Equal("update");
    }

    [Fact]
    public async Task RateLimitWaitsUntilTheResetTime()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.Server.InjectFault("GET", IssueLabels, FakeFault.RateLimit(gh.Clock.GetUtcNow().AddSeconds(20)));

        await AddLabel(gh);

        // 20 s to the reset plus 1 s of slack for clock skew.
        gh.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(21));
        gh.State.Labels(1).Should().Equal("update");
    }

    [Fact]
    public async Task BadGatewayTwiceThenSuccessBacksOffExponentially()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.Server.InjectFault("POST", IssueLabels, FakeFault.ServerError(502), times: 2);

        await AddLabel(gh);

        gh.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        gh.Server.RequestsTo("POST", "/repos/acme/universe/issues/1/labels").Should().HaveCount(3);
        gh.State.Labels(1).Should().Equal("update");
    }

    [Fact]
    public async Task GivesUpWhenTheNextWaitWouldPassTheBound()
    {
        await using var gh = await TestGitHub.StartAsync(retry: new RetryOptions { MaxTotalWait = TimeSpan.FromSeconds(10) });
        gh.Server.InjectFault("GET", IssueLabels, FakeFault.ServerError(503), times: 10);

        var act = () => AddLabel(gh);

        var error = (await act.Should().ThrowAsync<GitHubRetryExhaustedException>()).Which;
        // 1 + 2 + 4 = 7 s waited; the next 8 s would pass 10 s.
        gh.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        error.Attempts.Should().Be(4);
        error.Waited.Should().Be(TimeSpan.FromSeconds(7));
        error.StatusCode.Should().Be(503);
        error.Message.Should().Contain("Gave up trying to list labels of acme/universe#1");
    }

    [Fact]
    public async Task RateLimitResetBeyondTheBoundFailsAtOnceWithoutWaiting()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.Server.InjectFault("GET", IssueLabels, FakeFault.RateLimit(gh.Clock.GetUtcNow().AddMinutes(30)));

        var act = () => AddLabel(gh);

        await act.Should().ThrowAsync<GitHubRetryExhaustedException>();
        gh.Clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task ErrorsWaitingCannotFixAreNotRetriedAndSayWhatToDo()
    {
        await using var gh = await TestGitHub.StartAsync();
        var client = GitHubConnection.Create(gh.Server.BaseUrl.ToString(), "wrong-token");

        var act = () => new PullRequestLabels(client, gh.Retry).ApplyAsync(gh.Repo, 1, ["x"], []);

        var error = (await act.Should().ThrowAsync<GitHubReportException>()).Which;
        error.StatusCode.Should().Be(401);
        error.Message.Should().Contain("Bad credentials").And.Contain("Check the token");
        gh.Clock.Waits.Should().BeEmpty();
    }
}
