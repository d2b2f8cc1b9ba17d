using System.Text.Json;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>
/// A universe in a subfolder of its repository (`path: repo`, as in a Universe checkout): what
/// people and GitHub see names the repository's files, and the report files stay out of the tree.
/// </summary>
public sealed class RepositoryPathTests
{
    private const string World = "repo/packages/W/world/0/package.json";

    /// <summary>main with repo/packages/H/hello/0; the feature branch adds world 0 without tags (UNI110) and edits the top README.</summary>
    private static (GitRepository Repository, string Base, string Head) PullRequestInRepoFolder()
    {
        var repository = new GitRepository();
        repository.Write("README.md", "A Universe checkout.\n");
        repository.Write("repo/packages/H/hello/0/package.json", GitRepository.PackageJson("hello", "1.0.0"));
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Write("README.md", "A Universe checkout, with world.\n");
        repository.Write("repo/packages/W/world/0/package.json", """
            {
              "packagingVersion": "4.0",
              "name": "world",
              "version": "0.1.0",
              "maintainer": "team@example.org",
              "description": "Without tags."
            }
            """);
        var headSha = repository.Commit("world 0");
        return (repository, baseSha, headSha);
    }

    private static string Full(ActionRun run, string output) =>
        Path.IsPathRooted(output) ? output : Path.Combine(run.Repository.Root, output);

    [RecordedEventFact]
    public async Task AnnotationsCommentSummaryAndSarifNameTheRepositorysFiles()
    {
        var (repository, baseSha, headSha) = PullRequestInRepoFolder();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha).With("path", "repo");

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        var check = run.GitHub.CheckRuns().Should().ContainSingle().Subject;
        check.Annotations.Should().Contain(a => a.Path == World && a.Level == "failure");
        check.Annotations.Should().AllSatisfy(a => a.Path.Should().StartWith("repo/packages/"));
        var comment = run.GitHub.Comments(7).Should().ContainSingle().Subject.Body;
        comment.Should().Contain($"[`{World}:1:1`](https://github.example/acme/universe/blob/{headSha}/{World}#L1)")
            .And.Contain("`README.md`", "the README beside the universe folder is listed as a file outside packages/");
        File.ReadAllText(run.SummaryPath).Should().Contain(World);

        var outputs = run.Outputs();
        var reportPath = outputs["report"];
        var sarifPath = outputs["sarif"];
        reportPath.Should().StartWith(run.RunnerTemp);
        sarifPath.Should().StartWith(run.RunnerTemp).And.EndWith(".sarif");
        Directory.EnumerateFiles(repository.Root, "universe-report.*", SearchOption.AllDirectories).Should().BeEmpty("the reports are not written into the checkout");

        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        results.Should().NotBeEmpty();
        results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Should().AllSatisfy(uri => uri.Should().StartWith("repo/packages/")).And.Contain(World);
        results.Should().AllSatisfy(r => r.GetProperty("partialFingerprints").GetProperty("universeFingerprint/v1").GetString().Should().NotBeNullOrEmpty());

        // The report file keeps universe paths (the baseline's keys) and says where the universe is.
        var report = Reports.ActionReport.Parse(File.ReadAllText(reportPath), out _)!;
        report.PathPrefix.Should().Be("repo/");
        report.Diagnostics.Should().Contain(d => d.Code == "UNI110" && d.File == "packages/W/world/0/package.json");
        report.Changes.Should().Contain(c => c.Package == "world");
    }

    [RecordedEventFact]
    public async Task APullRequestAddingATopLevelPackagesFolderBesideRepoIsAnErrorNotASilentSwitch()
    {
        var (repository, baseSha, _) = PullRequestInRepoFolder();
        repository.Write("packages/A/aaa/0/package.json", GitRepository.PackageJson("aaa", "1.0.0"));
        var headSha = repository.Commit("a second tree at the top");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha).With("path", ".");

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Failure);
        run.Log.Should().Contain("holds both packages/ and repo/packages/");
        run.GitHub.Comments(7).Should().BeEmpty("no tree was chosen, so nothing was validated or reported as clean");
    }

    [RecordedEventFact]
    public async Task WorkflowCommandsNameTheRepositorysFiles()
    {
        var (repository, baseSha, headSha) = PullRequestInRepoFolder();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha).With("path", "repo").With("token", null);

        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        run.Log.Should().MatchRegex(@"::error file=repo/packages/W/world/0/package\.json,line=\d+,col=\d+,title=UNI110[^:]*::");
        run.Log.Should().NotContain("::error file=packages/");
    }

    [RecordedEventFact]
    public async Task TheFileListFallbackTakesRepositoryPathsIntoTheUniverse()
    {
        var (origin, baseSha, headSha) = PullRequestInRepoFolder();
        using var keep = origin;
        var clone = origin.ShallowClone("feature");
        await using var run = await ActionRun.StartAsync(clone);
        // GitHub lists the pull request's files by their path in the repository.
        run.GitHub.SetPullRequestFiles(7, [
            new FakePullRequestFile("README.md", "modified"),
            new FakePullRequestFile("repo/packages/W/world/0/package.json", "added"),
        ]);
        run.PullRequestEvent(7, baseSha, headSha).With("path", "repo");

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Scope.Should().Be("file-list");
        report.Changes.Should().ContainSingle().Which.Package.Should().Be("world");
        report.OutsidePackages.Should().Equal("../README.md");
        report.Diagnostics.Should().Contain(d => d.Code == "UNI110" && d.File == "packages/W/world/0/package.json");
        run.GitHub.CheckRuns().Should().ContainSingle().Which.Annotations.Should().Contain(a => a.Path == World);
        run.GitHub.Comments(7).Should().ContainSingle().Which.Body.Should().Contain("new package `world`").And.Contain("`README.md`");
    }

    [RecordedEventFact]
    public async Task ReportModePostsTheRepositorysPathsFromTheReportFile()
    {
        var (repository, baseSha, headSha) = PullRequestInRepoFolder();
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(12, baseSha, headSha).With("path", "repo").With("mode", "validate").With("token", null);
        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        // The posting workflow has no checkout of the pull request: only the report file.
        run.GitHub.SetPullRequest(12, headSha, baseSha);
        run.DownloadReport();
        run.WorkflowRunEvent(headSha, "failure").With("mode", "report").With("token", ActionRun.Token);
        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        run.GitHub.CheckRuns().Should().ContainSingle().Which.Annotations.Should().Contain(a => a.Path == World);
        run.GitHub.Comments(12).Should().ContainSingle().Which.Body.Should().Contain(World);
    }

    [RecordedEventFact]
    public async Task WithoutARunnerTempTheFilesGoToTheWorkspaceRootForTheArtifactUpload()
    {
        var (repository, baseSha, headSha) = PullRequestInRepoFolder();
        await using var run = await ActionRun.StartAsync(repository);
        // A container action gets the variable, but not always the folder.
        run.PullRequestEvent(12, baseSha, headSha).With("path", "repo").With("mode", "validate").With("token", null)
            .Set("RUNNER_TEMP", Path.Combine(run.RunnerTemp, "not-mounted"));
        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        var outputs = run.Outputs();
        outputs["report"].Should().Be("universe-report.json", "a file in the workspace is named relative to it, valid inside and outside the container");
        outputs["sarif"].Should().Be("universe-report.sarif");
        File.Exists(Path.Combine(repository.Root, "universe-report.json")).Should().BeTrue();
        File.Exists(Path.Combine(repository.Root, "repo", "universe-report.json")).Should().BeFalse("never in the universe folder");

        run.GitHub.SetPullRequest(12, headSha, baseSha);
        // report.yml downloads the artifact into its own RUNNER_TEMP; report mode never reads the workspace.
        run.Set("RUNNER_TEMP", run.RunnerTemp).DownloadReport();
        run.WorkflowRunEvent(headSha, "failure").With("mode", "report").With("token", ActionRun.Token);
        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);
        run.GitHub.Comments(12).Should().ContainSingle();
        File.Exists(Full(run, run.Outputs()["report"])).Should().BeTrue();
    }

    [RecordedEventFact]
    public async Task AnAbsoluteReportInputIsUsedAsItIs()
    {
        var (repository, baseSha, headSha) = PullRequestInRepoFolder();
        await using var run = await ActionRun.StartAsync(repository);
        var target = Path.Combine(run.RunnerTemp, "reports", "pr-7.json");
        run.PullRequestEvent(7, baseSha, headSha).With("path", "repo").With("token", null).With("report", target);

        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        run.Outputs()["report"].Should().Be(target);
        File.Exists(Path.Combine(run.RunnerTemp, "reports", "pr-7.sarif")).Should().BeTrue();
    }

    [Fact]
    public async Task PublishModeAnnotatesTheRepositorysFilesWhenTheTreeIsInvalid()
    {
        var (repository, _, _) = PullRequestInRepoFolder();
        await using var run = await ActionRun.StartAsync(repository);
        run.Event("push", new System.Text.Json.Nodes.JsonObject { ["ref"] = "refs/heads/main" })
            .With("mode", "publish").With("path", "repo").With("token", null).With("output", Path.Combine(run.RunnerTemp, "site"));

        (await run.RunAsync()).Should().Be(ExitCodes.ContentErrors);

        run.Log.Should().MatchRegex(@"::error file=repo/packages/W/world/0/package\.json,line=\d+");
    }
}
