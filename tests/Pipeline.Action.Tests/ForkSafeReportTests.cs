using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>The fork-safe split: validate with no write access, then post from a workflow_run.</summary>
public sealed class ForkSafeReportTests
{
    private static (GitRepository, string, string) ForkPullRequest()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.0.0"); // reuses the released version: UNI404
        var headSha = repository.Commit("hello 1");
        return (repository, baseSha, headSha);
    }

    [RecordedEventFact]
    public async Task ValidateWritesTheReportAndPostsNothingThenReportPostsIt()
    {
        var (repository, baseSha, headSha) = ForkPullRequest();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(12, baseSha, headSha).With("mode", "validate").With("token", null);

        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);
        run.Server.Requests.Should().BeEmpty();
        var reportFile = run.Outputs()["report"];
        File.ReadAllText(reportFile).Should().Contain("UNI404");

        // The second workflow: a fork's run lists no pull requests, so the poster checks the head.
        run.GitHub.SetPullRequest(12, headSha, baseSha);
        run.DownloadReport();
        run.WorkflowRunEvent(headSha, "failure").With("mode", "report").With("token", ActionRun.Token);
        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        run.GitHub.Comments(12).Should().ContainSingle().Which.Body.Should().Contain("UNI404");
        run.GitHub.CheckRuns().Should().ContainSingle().Which.HeadSha.Should().Be(headSha);
    }

    [RecordedEventFact]
    public async Task AReportNamingAnotherPullRequestIsNotPosted()
    {
        var (repository, baseSha, headSha) = ForkPullRequest();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(12, baseSha, headSha).With("mode", "validate").With("token", null);
        await run.RunAsync();

        // Pull request 12 has moved on since the run: its head is no longer the validated commit.
        run.GitHub.SetPullRequest(12, "1111111111111111111111111111111111111111", baseSha);
        run.DownloadReport();
        run.WorkflowRunEvent(headSha, "failure").With("mode", "report").With("token", ActionRun.Token);
        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Failure);
        run.Log.Should().Contain("not posting");
        run.GitHub.Comments(12).Should().BeEmpty();
    }

    [Fact]
    public async Task AMissingOrBrokenReportFileIsAClearFailure()
    {
        await using var run = await ActionRun.StartAsync(new GitRepository());
        run.With("mode", "report").With("report-path", "missing.json");
        (await run.RunAsync()).Should().Be(ExitCodes.Failure);
        run.Log.Should().Contain("does not exist");

        File.WriteAllText(Path.Combine(run.RunnerTemp, "broken.json"), "{ not json");
        run.With("report-path", "broken.json");
        (await run.RunAsync()).Should().Be(ExitCodes.Failure);
        run.Log.Should().Contain("is not a universe report");
    }
}
