using Pipeline.Bumping.GitHub;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;

namespace Pipeline.Bumping.Tests.GitHub;

public sealed class BumpPullRequestTests : IAsyncLifetime
{
    private BumpUniverse _universe = null!;

    public async Task InitializeAsync() => _universe = await BumpUniverse.StartAsync();

    public async Task DisposeAsync() => await _universe.DisposeAsync();

    private Task<BumpPullRequestResult> PublishAsync(BumpPlan? plan = null) =>
        new BumpPullRequest(_universe.GitHub).PublishAsync(_universe.Universe, plan ?? BumpUniverse.Plan(), BumpUniverse.Passed);

    [Fact]
    public async Task With_push_rights_the_branch_is_in_the_universe_and_one_pull_request_is_opened()
    {
        var main = _universe.State.BranchHead("main");

        var result = await PublishAsync();

        (result.HeadRepository, result.Branch, result.BaseBranch, result.ThroughFork, result.CommitCreated, result.Created)
            .Should().Be((_universe.Universe, "bump/kafka-1.3.0", "main", false, true, true));
        _universe.State.BranchHead("bump/kafka-1.3.0").Should().Be(result.HeadSha);
        _universe.State.Commit(result.HeadSha)!.Parents.Should().Equal(main);
        var files = _universe.State.FilesAt(result.Branch);
        files["packages/K/kafka/2/package.json"].Should().Be("{\"name\":\"kafka\",\"version\":\"1.3.0\"}");
        files.Keys.Where(k => k.StartsWith("packages/K/kafka/2/", StringComparison.Ordinal)).Should().HaveCount(3);
        var pull = _universe.State.OpenedPullRequests().Should().ContainSingle().Subject;
        (pull.Number, pull.Title, pull.Head, pull.HeadOwner).Should().Be((result.Number, "Bump kafka to 1.3.0", "bump/kafka-1.3.0", null));
        pull.Body.Should().Contain("<!-- universe-bump {\"package\":\"kafka\",\"version\":\"1.3.0\",\"repository\":\"acme/kafka\",\"release\":\"https://github.com/acme/kafka/releases/tag/v1.3.0\"} -->")
            .And.Contain(new string('a', 64)).And.Contain("<https://github.com/acme/kafka/releases/tag/v1.3.0>").And.Contain("Passed");
        _universe.Server.FindRepository(BumpUniverse.Login, "universe").Should().BeNull("no fork is made when the token may push");
    }

    [Fact]
    public async Task A_second_run_for_the_same_version_and_files_makes_no_commit_and_updates_the_same_pull_request()
    {
        var first = await PublishAsync();
        var second = await PublishAsync();

        (second.CommitCreated, second.Created, second.Number, second.HeadSha).Should().Be((false, false, first.Number, first.HeadSha));
        _universe.State.OpenedPullRequests().Should().ContainSingle();
        _universe.Server.RequestsTo("POST", "/repos/acme/universe/git/commits").Should().HaveCount(1);
    }

    [Fact]
    public async Task A_second_run_with_different_files_moves_the_branch_under_the_same_pull_request()
    {
        var first = await PublishAsync();
        var second = await PublishAsync(BumpUniverse.Plan(resource: "{\"assets\":{\"uris\":{\"kafka\":\"https://example.org/kafka-1.3.0-fixed.tgz\"}}}"));

        (second.CommitCreated, second.Created, second.Number).Should().Be((true, false, first.Number));
        second.HeadSha.Should().NotBe(first.HeadSha);
        _universe.State.BranchHead("bump/kafka-1.3.0").Should().Be(second.HeadSha);
        _universe.State.Commit(second.HeadSha)!.Parents.Should().Equal([_universe.State.BranchHead("main")], "the branch is one commit on main, not a pile");
        _universe.State.FilesAt("bump/kafka-1.3.0")["packages/K/kafka/2/resource.json"].Should().Contain("kafka-1.3.0-fixed.tgz");
        _universe.State.OpenedPullRequests().Should().ContainSingle();
    }

    [Fact]
    public async Task Without_push_rights_the_branch_is_in_a_fork_made_once_and_the_pull_request_names_it()
    {
        _universe.State.Writable = false;

        var first = await PublishAsync();
        var second = await PublishAsync();

        var fork = new RepositorySlug(BumpUniverse.Login, "universe");
        (first.HeadRepository, first.ThroughFork, first.ForkCreated, first.Created).Should().Be((fork, true, true, true));
        (second.HeadRepository, second.ForkCreated, second.Created, second.CommitCreated, second.Number).Should().Be((fork, false, false, false, first.Number));
        _universe.Server.RequestsTo("POST", "/repos/acme/universe/forks").Should().HaveCount(1);
        _universe.State.Branches().Should().Equal("main");
        var forkState = _universe.Server.FindRepository(BumpUniverse.Login, "universe")!;
        forkState.BranchHead("bump/kafka-1.3.0").Should().Be(first.HeadSha);
        forkState.Commit(first.HeadSha)!.Parents.Should().Equal(_universe.State.BranchHead("main"));
        var pull = _universe.State.OpenedPullRequests().Should().ContainSingle().Subject;
        (pull.Head, pull.HeadOwner).Should().Be(("bump/kafka-1.3.0", BumpUniverse.Login));
        _universe.Server.RequestsTo("GET", "/repos/acme/universe/pulls").Should().OnlyContain(r => Uri.UnescapeDataString(r.Query).Contains("head=octo:bump/kafka-1.3.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fork_GitHub_is_still_making_is_waited_for_before_the_branch_is_written()
    {
        await using var universe = await BumpUniverse.StartAsync(forkNotReadyReads: 2, retry: new RetryOptions { ForkReadyDelay = TimeSpan.Zero });
        universe.State.Writable = false;

        var result = await new BumpPullRequest(universe.GitHub).PublishAsync(universe.Universe, BumpUniverse.Plan(), BumpUniverse.Passed);

        (result.ThroughFork, result.ForkCreated, result.Created).Should().Be((true, true, true));
        universe.Server.RequestsTo("GET", "/repos/octo/universe/branches/main").Should().HaveCount(3, "two reads found no branch yet, the third did");
        var firstWrite = universe.Server.Requests.ToList().FindIndex(r => r.Method == "POST" && r.Path.StartsWith("/repos/octo/universe/git/", StringComparison.Ordinal));
        var lastWait = universe.Server.Requests.ToList().FindLastIndex(r => r.Path == "/repos/octo/universe/branches/main");
        firstWrite.Should().BeGreaterThan(lastWait, "nothing is written to the fork before it is ready");
    }

    [Fact]
    public async Task The_fork_branch_starts_from_the_universe_default_branch_even_when_the_fork_is_behind()
    {
        _universe.State.Writable = false;
        await PublishAsync();
        var moved = _universe.State.SeedBranch("main", new Dictionary<string, string> { ["README.md"] = "later\n" });

        var again = await PublishAsync();

        again.CommitCreated.Should().BeTrue();
        _universe.Server.FindRepository(BumpUniverse.Login, "universe")!.Commit(again.HeadSha)!.Parents.Should().Equal(moved);
    }

    [Fact]
    public async Task A_revision_merged_meanwhile_is_refused_before_anything_is_written()
    {
        _universe.State.SeedBranch("main", new Dictionary<string, string> { ["packages/K/kafka/2/package.json"] = "{}" });

        var act = () => PublishAsync();

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("already has packages/K/kafka/2").And.Contain("run the bump again");
        _universe.State.Branches().Should().Equal("main");
        _universe.State.OpenedPullRequests().Should().BeEmpty();
    }

    [Fact]
    public async Task An_installation_token_without_push_rights_is_told_a_fork_needs_a_user_token()
    {
        await using var universe = await BumpUniverse.StartAsync(installationToken: true);
        universe.State.Writable = false;

        var act = () => new BumpPullRequest(universe.GitHub).PublishAsync(universe.Universe, BumpUniverse.Plan(), BumpUniverse.Passed);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("installation token").And.Contain("cannot fork");
        universe.State.OpenedPullRequests().Should().BeEmpty();
    }

    [Fact]
    public async Task A_same_named_repository_that_is_no_fork_is_refused()
    {
        _universe.State.Writable = false;
        _universe.Server.Repository(BumpUniverse.Login, "universe").SeedBranch("main", new Dictionary<string, string> { ["mine"] = "x" });

        var act = () => PublishAsync();

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("octo/universe exists and is not a fork of acme/universe");
        _universe.State.OpenedPullRequests().Should().BeEmpty();
    }

    [Theory]
    [InlineData("../../.github/workflows/steal.yml")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    public async Task A_plan_file_named_with_a_path_out_of_the_revision_folder_is_refused(string name)
    {
        var plan = BumpUniverse.Plan() with { Files = [new BumpedFile(name, "x"u8.ToArray())] };

        var act = () => PublishAsync(plan);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*refused*");
        _universe.Server.Requests.Should().BeEmpty();
    }
}
