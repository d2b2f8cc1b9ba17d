using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;
using Pipeline.GitHub;
using Pipeline.Promotion.PullRequests;
using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;
using Pipeline.Testing.Trees;

namespace Pipeline.Promotion.Tests;

public sealed class PromotionPullRequestTests : IAsyncLifetime
{
    private const string Token = "ghs_promote_token";
    private static readonly RepositorySlug Repo = new("acme", "universe");

    private readonly PromotionTrees _trees = new();
    private FakeGitHubServer _server = null!;
    private PromotionPullRequest _pullRequest = null!;

    private FakeRepository State => _server.Repository(Repo.Owner, Repo.Name);

    public async Task InitializeAsync()
    {
        _server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token });
        _pullRequest = new PromotionPullRequest(GitHubApi.Connect(_server.BaseUrl.ToString(), Token));
        // The production repository on GitHub and its working tree hold the same released package.
        _trees.Production.Package("zookeeper", 0, "1.0.0");
        State.SeedBranch("main", new Dictionary<string, string>
        {
            ["packages/Z/zookeeper/0/package.json"] = GitRepository.PackageJson("zookeeper", "1.0.0"),
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _trees.Dispose();
    }

    private async Task<PromotionPullRequestResult> PromoteAsync(string name, string version)
    {
        var outcome = await Promoter.PromoteAsync(_trees.Request(name, version) with { KeepWorkingTreeClean = true });
        outcome.Status.Should().Be(PromotionStatus.Validated, outcome.Problem);
        return await _pullRequest.PublishAsync(Repo, outcome.Plan!, outcome.Validation);
    }

    [Fact]
    public async Task Opens_a_branch_commit_and_pull_request_with_the_files()
    {
        _trees.Staging.Package("kafka", 2, "2.0.0").Write("packages/K/kafka/2/README.md", "# Kafka\n");
        var mainHead = State.BranchHead("main");

        var result = await PromoteAsync("kafka", "2.0.0");

        result.Branch.Should().Be("promote/kafka-2.0.0");
        result.BranchCreated.Should().BeTrue();
        result.PullRequestCreated.Should().BeTrue();
        State.BranchHead(result.Branch).Should().Be(result.Commit);
        State.Commit(result.Commit)!.Parents.Should().Equal(mainHead);
        State.BranchHead("main").Should().Be(mainHead, "main is changed by merging the pull request only");
        var files = State.FilesAt(result.Branch);
        files.Keys.Should().BeEquivalentTo("packages/Z/zookeeper/0/package.json", "packages/K/kafka/0/package.json", "packages/K/kafka/0/README.md");
        files["packages/K/kafka/0/package.json"].Should().Be(File.ReadAllText(Path.Combine(_trees.Staging.Root, "packages/K/kafka/2/package.json")));

        var pull = State.OpenedPullRequests().Should().ContainSingle().Subject;
        pull.Number.Should().Be(result.Number);
        (pull.Head, pull.Base, pull.Title).Should().Be(("promote/kafka-2.0.0", "main", "Promote kafka 2.0.0"));
        pull.Body.Should().Contain("`packages/K/kafka/0/package.json`").And.Contain("`packages/K/kafka/0/README.md`").And.Contain("Passed");
        _trees.ProductionFiles().Should().Equal("packages/Z/zookeeper/0/package.json");
    }

    [Fact]
    public async Task A_second_run_updates_the_branch_and_pull_request_instead_of_duplicating()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        var first = await PromoteAsync("kafka", "2.0.0");

        var again = await PromoteAsync("kafka", "2.0.0");

        again.BranchCreated.Should().BeFalse();
        again.CommitCreated.Should().BeFalse("the branch already holds exactly these files");
        again.PullRequestCreated.Should().BeFalse();
        again.Number.Should().Be(first.Number);
        again.Commit.Should().Be(first.Commit);
        State.OpenedPullRequests().Should().ContainSingle();
        State.Branches().Should().Equal("main", "promote/kafka-2.0.0");
        _server.RequestsTo("PATCH", $"/repos/acme/universe/pulls/{first.Number}").Should().ContainSingle();
    }

    [Fact]
    public async Task A_second_run_with_changed_files_moves_the_branch_to_a_new_commit()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        var first = await PromoteAsync("kafka", "2.0.0");
        _trees.Staging.Write("packages/K/kafka/0/README.md", "# Kafka, documented\n");

        var again = await PromoteAsync("kafka", "2.0.0");

        again.CommitCreated.Should().BeTrue();
        again.Commit.Should().NotBe(first.Commit);
        State.BranchHead("promote/kafka-2.0.0").Should().Be(again.Commit);
        State.Commit(again.Commit)!.Parents.Should().Equal(State.BranchHead("main"));
        State.FilesAt("promote/kafka-2.0.0").Should().ContainKey("packages/K/kafka/0/README.md");
        State.OpenedPullRequests().Should().ContainSingle().Which.Number.Should().Be(first.Number);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_a_refusal_is_reported_without_a_pull_request()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        _pullRequest = new PromotionPullRequest(GitHubApi.Connect(_server.BaseUrl.ToString(), Token,
            new GitHubRetryPolicy(new RetryOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) })));
        _server.InjectFault("POST", "/repos/*/*/git/trees", FakeFault.ServerError());
        _server.InjectFault("POST", "/repos/*/*/git/refs", FakeFault.ValidationFailed(new FakeValidationError("Reference", "custom", "ref", "protected branch")));

        var act = () => PromoteAsync("kafka", "2.0.0");

        var error = (await act.Should().ThrowAsync<GitHubReportException>()).Which;
        error.StatusCode.Should().Be(422);
        error.Message.Should().Contain("create branch promote/kafka-2.0.0");
        _server.RequestsTo("POST", "/repos/acme/universe/git/trees").Should().HaveCount(2, "the 502 is retried");
        State.OpenedPullRequests().Should().BeEmpty();
    }

    [Fact]
    public async Task A_working_tree_behind_the_default_branch_is_refused()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        State.SeedBranch("main", new Dictionary<string, string>
        {
            ["packages/K/kafka/0/package.json"] = GitRepository.PackageJson("kafka", "1.0.0"),
        });

        var act = () => PromoteAsync("kafka", "2.0.0");

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.Message.Should().Contain("behind");
        State.Branches().Should().Equal("main");
        State.OpenedPullRequests().Should().BeEmpty();
    }
}
