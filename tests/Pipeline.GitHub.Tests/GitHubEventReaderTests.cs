using Pipeline.GitHub.Events;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests;

public sealed class GitHubEventReaderTests
{
    private static GitHubEvent Fixture(string name) => GitHubEventReader.Read(Path.Combine(WebhookSamples.Fixtures, "events", name));

    [SharedWebhooksFact]
    public void ReadsEveryRealPullRequestPayload()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(WebhookSamples.Webhooks, "pull_request"), "*.json"))
        {
            var parsed = GitHubEventReader.Read(file);
            var pr = parsed.Should().BeOfType<PullRequestEvent>($"{Path.GetFileName(file)} is a pull_request payload").Subject;
            pr.Number.Should().Be(2);
            pr.Title.Should().Be("Update the README with new information.");
            pr.Base.Should().Be(new GitRef("master", "f95f852bd8fca8fcc58a9a2d6c842781e32a215e"));
            pr.Head.Should().Be(new GitRef("changes", "ec26c3e57ca3a959ca5aad62de7213c562f8c821"));
            pr.Repository.Should().Be("Codertocat/Hello-World");
            pr.HeadRepository.Should().Be("Codertocat/Hello-World");
            pr.IsFork.Should().BeFalse();
            pr.Labels.Should().Equal("bug");
            pr.Draft.Should().BeFalse();
        }
    }

    [SharedWebhooksFact]
    public void ReadsTheActionOfARealPayload()
    {
        var pr = (PullRequestEvent)GitHubEventReader.Read(Path.Combine(WebhookSamples.Webhooks, "pull_request", "synchronize.payload.json"));
        pr.Action.Should().Be("synchronize");
    }

    [SharedWebhooksFact]
    public void ReadsTheAuthorAndBodyOfARealPayload()
    {
        var pr = (PullRequestEvent)GitHubEventReader.Read(Path.Combine(WebhookSamples.Webhooks, "pull_request", "synchronize.payload.json"));
        pr.Author.Should().Be("Codertocat");
        pr.Body.Should().Be("This is a pretty simple change that we need to pull into master.");
    }

    [Fact]
    public void AMissingOrMistypedAuthorOrBodyIsNull()
    {
        const string pullRequest = """
            "number": 1, "base": { "ref": "main", "sha": "a" }, "head": { "ref": "b", "sha": "c", "repo": null }
            """;
        var withNulls = (PullRequestEvent)GitHubEventReader.Parse($$"""{ "pull_request": { {{pullRequest}}, "user": null, "body": null } }""");
        var mistyped = (PullRequestEvent)GitHubEventReader.Parse($$"""{ "pull_request": { {{pullRequest}}, "user": { "login": 7 }, "body": ["x"] } }""");

        (withNulls.Author, withNulls.Body, mistyped.Author, mistyped.Body).Should().Be((null, null, null, null));
    }

    [SharedWebhooksFact]
    public void ReadsARealWorkflowRunWithItsPullRequests()
    {
        var run = GitHubEventReader.Read(Path.Combine(WebhookSamples.Webhooks, "workflow_run", "completed.with-pull-requests.payload.json"))
            .Should().BeOfType<WorkflowRunEvent>().Subject;
        run.Id.Should().Be(289782451);
        run.HeadSha.Should().Be("3484a3fb816e0859fd6e1cea078d76385ff50625");
        run.Conclusion.Should().Be("success");
        run.Status.Should().Be("completed");
        run.PullRequests.Should().Equal(2);
        run.IsFork.Should().BeFalse();
    }

    [SharedWebhooksFact]
    public void ReadsARealWorkflowRunWithoutPullRequests()
    {
        var run = (WorkflowRunEvent)GitHubEventReader.Read(Path.Combine(WebhookSamples.Webhooks, "workflow_run", "completed.payload.json"));
        run.PullRequests.Should().BeEmpty();
        run.HeadBranch.Should().Be("master");
    }

    [Fact]
    public void AForkIsToldByItsHeadRepository()
    {
        var pr = Fixture("pull_request.fork.json").Should().BeOfType<PullRequestEvent>().Subject;
        pr.IsFork.Should().BeTrue();
        pr.HeadRepository.Should().Be("someone/universe");
        pr.Repository.Should().Be("acme/universe");
        pr.Draft.Should().BeTrue();
        pr.Labels.Should().Equal("Allow-Edit", "new package");
    }

    [Fact]
    public void AHeadRepositoryThatNoLongerExistsCountsAsAFork()
    {
        var pr = Fixture("pull_request.deleted-fork.json").Should().BeOfType<PullRequestEvent>().Subject;
        pr.HeadRepository.Should().BeNull();
        pr.IsFork.Should().BeTrue();
    }

    [Fact]
    public void AWorkflowRunFromAForkHasNoPullRequestNumbers()
    {
        var run = Fixture("workflow_run.fork.json").Should().BeOfType<WorkflowRunEvent>().Subject;
        run.IsFork.Should().BeTrue();
        run.PullRequests.Should().BeEmpty();
        run.Conclusion.Should().Be("failure");
        run.Id.Should().Be(9001);
    }

    [Fact]
    public void AMissingRequiredFieldIsNamed()
    {
        Fixture("pull_request.no-head-sha.json").Should().BeOfType<UnusableEvent>()
            .Which.Message.Should().Contain("`pull_request.head.sha` is missing");
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"pull_request\": ", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"ref\": \"refs/heads/main\", \"commits\": []}", "neither a pull request nor a workflow run")]
    [InlineData("{\"pull_request\": {\"number\": \"two\", \"base\": {}, \"head\": {}}}", "`pull_request.number` is missing or not a number")]
    [InlineData("{\"workflow_run\": {\"id\": 1}}", "`workflow_run.head_sha` is missing")]
    [InlineData("{\"workflow_run\": {\"head_sha\": \"abc\"}}", "`workflow_run.id` is missing")]
    public void MalformedPayloadsAreValuesNotExceptions(string json, string expected)
    {
        GitHubEventReader.Parse(json).Should().BeOfType<UnusableEvent>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void AMissingFileSaysWhichFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-event.json");
        GitHubEventReader.Read(path).Should().BeOfType<UnusableEvent>().Which.Message.Should().Contain(path);
    }
}
