using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

public sealed class PullRequestModeTests
{
    /// <summary>main with hello 0 released; the feature branch adds hello 1 and a new package, world 0, whose package.json lacks tags.</summary>
    private static (GitRepository Repository, string Base, string Head) PullRequestWithAnError()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.1.0");
        repository.Write("packages/W/world/0/package.json", """
            {
              "packagingVersion": "4.0",
              "name": "world",
              "version": "0.1.0",
              "maintainer": "team@example.org",
              "description": "Without tags."
            }
            """);
        var headSha = repository.Commit("hello 1, world 0");
        return (repository, baseSha, headSha);
    }

    [RecordedEventFact]
    public async Task ReportsEveryProblemOnThePullRequestAndFails()
    {
        var (repository, baseSha, headSha) = PullRequestWithAnError();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        var comment = run.GitHub.Comments(7).Should().ContainSingle().Subject;
        comment.Body.Should().Contain("<!-- universe-pipeline:report -->")
            .And.Contain("UNI110").And.Contain("packages/W/world/0/package.json")
            .And.Contain("new package `world`").And.Contain("new revision 1 of `hello`");
        var check = run.GitHub.CheckRuns().Should().ContainSingle().Subject;
        check.HeadSha.Should().Be(headSha);
        check.Conclusion.Should().Be("failure");
        check.Annotations.Should().Contain(a => a.Path == "packages/W/world/0/package.json" && a.Level == "failure" && a.StartLine >= 1);
        run.GitHub.Labels(7).Should().BeEquivalentTo("new package", "update", "needs fixes");
        var outputs = run.Outputs();
        outputs["valid"].Should().Be("false");
        int.Parse(outputs["errors"], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        outputs["changed-packages"].Should().Contain("\"world\"").And.Contain("\"hello\"");
        File.Exists(outputs["report"]).Should().BeTrue();
        File.Exists(Path.ChangeExtension(outputs["report"], ".sarif")).Should().BeTrue();
        File.ReadAllText(run.SummaryPath).Should().Contain("UNI110");
        // The check run carries the annotations, so no workflow commands repeat them.
        run.Log.Should().NotContain("::error file=");
    }

    [RecordedEventFact]
    public async Task ARerunUpdatesTheSameCommentAndTheLabelsFollowTheFix()
    {
        var (repository, baseSha, headSha) = PullRequestWithAnError();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha);
        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        repository.Package("world", 0, "0.1.0");
        var fixedSha = repository.Commit("world: add tags");
        run.PullRequestEvent(7, baseSha, fixedSha);
        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success);
        var comment = run.GitHub.Comments(7).Should().ContainSingle().Subject;
        comment.Body.Should().Contain("no problems").And.NotContain("UNI110");
        run.GitHub.Labels(7).Should().BeEquivalentTo("new package", "update");
        run.Outputs()["valid"].Should().Be("true");
    }

    [RecordedEventFact]
    public async Task ChangingAReleasedRevisionIsAnErrorUnlessTheAllowLabelIsSet()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Write("packages/H/hello/0/package.json", GitRepository.PackageJson("hello", "1.0.0").Replace("A sample package.", "A better description."));
        var headSha = repository.Commit("edit hello 0");
        await using var run = await ActionRun.StartAsync(repository);

        run.PullRequestEvent(3, baseSha, headSha);
        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);
        run.GitHub.CheckRuns().Last().Annotations.Should().Contain(a => a.Title != null && a.Title.Contains("UNI400"));

        run.PullRequestEvent(3, baseSha, headSha, "maintainer-edit").With("allow-edit-label", "maintainer-edit");
        (await run.RunAsync()).Should().Be(ExitCodes.Success);
        run.GitHub.Comments(3).Should().ContainSingle().Which.Body.Should().Contain("maintainer-edit");
    }

    [RecordedEventFact]
    public async Task WithoutATokenItAnnotatesThroughWorkflowCommandsAndStillWritesTheSummary()
    {
        var (repository, baseSha, headSha) = PullRequestWithAnError();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha).With("token", null);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        run.Server.Requests.Should().BeEmpty();
        run.Log.Should().MatchRegex(@"::error file=packages/W/world/0/package\.json,line=\d+,col=\d+,title=UNI110[^:]*::");
        File.ReadAllText(run.SummaryPath).Should().Contain("❌ Universe validation");
    }

    [RecordedEventFact]
    public async Task AShallowCloneFallsBackToThePullRequestFileList()
    {
        var (origin, baseSha, headSha) = PullRequestWithAnError();
        using var keep = origin;
        var clone = origin.ShallowClone("feature");
        await using var run = await ActionRun.StartAsync(clone);
        run.GitHub.SetPullRequestFiles(7, [
            new FakePullRequestFile("packages/H/hello/1/package.json", "added"),
            new FakePullRequestFile("packages/W/world/0/package.json", "added"),
        ]);
        run.PullRequestEvent(7, baseSha, headSha);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        run.Log.Should().Contain("shallow");
        run.Server.RequestsTo("GET", "/repos/acme/universe/pulls/7/files").Should().NotBeEmpty();
        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Scope.Should().Be("file-list");
        report.Diagnostics.Should().Contain(d => d.Code == "UNI110" && d.File == "packages/W/world/0/package.json");
    }

    [RecordedEventFact]
    public async Task AFailingGitHubNeverHidesTheValidationResult()
    {
        var (repository, baseSha, headSha) = PullRequestWithAnError();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha);
        run.Server.InjectFault("GET", "/repos/acme/universe/issues/7/comments", FakeFault.ServerError(502), times: 20);
        run.Server.InjectFault("POST", "/repos/acme/universe/check-runs", FakeFault.ServerError(503), times: 20);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        run.Log.Should().Contain("::warning title=Could not post the pull request comment::");
        // Without a check run the annotations go through workflow commands instead.
        run.Log.Should().Contain("::error file=packages/W/world/0/package.json");
        run.Outputs()["valid"].Should().Be("false");
    }

    [Fact]
    public async Task AnUnknownModeIsAUsageFailure()
    {
        await using var run = await ActionRun.StartAsync(new GitRepository());
        run.With("mode", "deploy");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);
        run.Log.Should().Contain("input `mode` must be one of pr, validate, report, publish, bump");
    }

    [Fact]
    public async Task OutsideAPullRequestTheWholeTreeIsValidated()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        repository.Commit("hello 0");
        await using var run = await ActionRun.StartAsync(repository);
        run.Event("push", new System.Text.Json.Nodes.JsonObject { ["ref"] = "refs/heads/main" });

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success);
        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Scope.Should().Be("whole-tree");
        report.Revisions.Should().Be(1);
        run.GitHub.Comments(1).Should().BeEmpty();
    }
}
