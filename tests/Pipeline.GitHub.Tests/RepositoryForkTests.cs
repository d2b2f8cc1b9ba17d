using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Repositories;
using Pipeline.GitHub.Retries;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class RepositoryForkTests
{
    private const string Login = "octo";

    private static Task<TestGitHub> UserTokenAsync(int notReadyReads = 0, RetryOptions? retry = null) =>
        TestGitHub.StartAsync(new FakeGitHubOptions { InstallationToken = false, Login = Login, ForkNotReadyReads = notReadyReads }, retry);

    private static RepositoryApi Api(TestGitHub github) => new GitHubApi(github.Client, github.Retry).Repositories;

    private static void SeedUniverse(TestGitHub github) =>
        github.State.SeedBranch("main", new Dictionary<string, string> { ["universe.yaml"] = "name: acme\n" });

    [Fact]
    public async Task Facts_say_whether_the_token_may_push_and_a_missing_repository_is_null()
    {
        await using var github = await UserTokenAsync();
        SeedUniverse(github);

        (await Api(github).FindAsync(github.Repo))!.CanPush.Should().BeTrue();
        github.State.Writable = false;
        var facts = await Api(github).FindAsync(github.Repo);
        (facts!.CanPush, facts.IsFork, facts.DefaultBranch).Should().Be((false, false, "main"));
        (await Api(github).FindAsync(new RepositorySlug("acme", "nothing-here"))).Should().BeNull();
    }

    [Fact]
    public async Task A_user_token_forks_once_and_then_reuses_its_fork()
    {
        await using var github = await UserTokenAsync();
        SeedUniverse(github);

        var first = await Api(github).ForkAsync(github.Repo);
        var second = await Api(github).ForkAsync(github.Repo);

        (first.Slug, first.Login, first.DefaultBranch, first.Created).Should().Be((new RepositorySlug(Login, "universe"), Login, "main", true));
        second.Created.Should().BeFalse();
        second.Slug.Should().Be(first.Slug);
        github.Server.RequestsTo("POST", "/repos/acme/universe/forks").Should().HaveCount(1);
        github.Server.FindRepository(Login, "universe")!.BranchHead("main").Should().Be(github.State.BranchHead("main"));
    }

    [Fact]
    public async Task A_fork_GitHub_is_still_making_is_waited_for_on_the_clock_a_bounded_number_of_times()
    {
        await using var github = await UserTokenAsync(notReadyReads: 3);
        SeedUniverse(github);

        var fork = await Api(github).ForkAsync(github.Repo);

        fork.Created.Should().BeTrue();
        github.Server.RequestsTo("GET", "/repos/octo/universe/branches/main").Should().HaveCount(4);
        github.Clock.Waits.Should().Equal(Enumerable.Repeat(new RetryOptions().ForkReadyDelay, 3));
    }

    [Fact]
    public async Task A_fork_that_never_becomes_readable_fails_clearly_after_the_allowed_attempts()
    {
        await using var github = await UserTokenAsync(notReadyReads: 1_000, retry: new RetryOptions { ForkReadyAttempts = 4 });
        SeedUniverse(github);

        var act = () => Api(github).ForkAsync(github.Repo);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message
            .Should().Contain("octo/universe").And.Contain("after 4 attempts").And.Contain("run the bump again");
        github.Server.RequestsTo("GET", "/repos/octo/universe/branches/main").Should().HaveCount(4);
        github.Clock.Waits.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_same_named_repository_that_is_not_a_fork_of_the_universe_is_a_clear_error()
    {
        await using var github = await UserTokenAsync();
        SeedUniverse(github);
        github.Server.Repository(Login, "universe").SeedBranch("main", new Dictionary<string, string> { ["README.md"] = "mine\n" });

        var act = () => Api(github).ForkAsync(github.Repo);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message
            .Should().Be("octo/universe exists and is not a fork of acme/universe: rename or delete it, or use a token that may push to acme/universe");
        github.Server.RequestsTo("POST", "/repos/acme/universe/forks").Should().BeEmpty();
    }

    [Fact]
    public async Task An_installation_token_is_told_that_forking_needs_a_user_token()
    {
        await using var github = await TestGitHub.StartAsync();
        SeedUniverse(github);

        var act = () => Api(github).ForkAsync(github.Repo);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message
            .Should().Contain("installation token").And.Contain("cannot fork").And.Contain("personal access token");
        github.Server.RequestsTo("POST", "/repos/acme/universe/forks").Should().BeEmpty();
    }
}
