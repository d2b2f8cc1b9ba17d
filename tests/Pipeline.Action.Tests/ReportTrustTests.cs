using System.Text.Json.Nodes;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>
/// Report mode reads a file the pull request's own run wrote, so it is data to check, not to
/// believe: bounded, every field it reads present, its commit and result cross-checked with the
/// finished run, read from the file <c>report-path</c> names only, and a fork's report marked as such
/// and posted under a check run name of its own.
/// </summary>
public sealed class ReportTrustTests
{
    private const int Number = 12;

    private static async Task<(ActionRun Run, string HeadSha)> StartAsync()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var headSha = repository.Commit("hello 0");
        var run = await ActionRun.StartAsync(repository);
        run.GitHub.SetPullRequest(Number, headSha);
        run.With("mode", "report");
        return (run, headSha);
    }

    private static ActionReport CleanReport(string headSha) => new() { PullRequest = Number, HeadSha = headSha, Packages = 1, Revisions = 1 };

    /// <summary>Puts the text where report.yml's download step puts the artifact.</summary>
    private static string Plant(ActionRun run, string text)
    {
        var path = Path.Combine(run.RunnerTemp, "universe-report", "universe-report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static void NothingPosted(ActionRun run)
    {
        run.GitHub.Comments(Number).Should().BeEmpty();
        run.GitHub.CheckRuns().Should().BeEmpty();
        run.GitHub.Labels(Number).Should().BeEmpty();
        File.Exists(run.SummaryPath).Should().BeFalse("no summary says the pull request passed");
    }

    [RecordedEventFact]
    public async Task AForgedCleanReportAboutAnotherCommitGivesNoGreenCheckAndNoComment()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        Plant(run, CleanReport("2222222222222222222222222222222222222222").ToJson());
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain("the finished run validated " + headSha).And.Contain("not posting");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task AForgedCleanReportWithoutACommitIsRefused()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var json = JsonNode.Parse(CleanReport(headSha).ToJson())!.AsObject();
        json.Remove("headSha");
        Plant(run, json.ToJsonString());
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain("lacks the field `headSha`");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task ACleanReportFromARunThatFailedIsNotPostedAsPassing()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        Plant(run, CleanReport(headSha).ToJson());
        run.WorkflowRunEvent(headSha, "failure");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain("concluded `failure`");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task AReportFromAForksRunIsMarkedAsSuchInTheCommentAndTheSummary()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        Plant(run, CleanReport(headSha).ToJson());
        run.WorkflowRunEvent(headSha, "success"); // the run's head repository is someone/universe

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        run.GitHub.Comments(Number).Should().ContainSingle().Which.Body.Should().Contain("Reported by the pull request's own run (from someone/universe)");
        File.ReadAllText(run.SummaryPath).Should().Contain("Reported by the pull request's own run");
    }

    [RecordedEventFact]
    public async Task AForksPassingReportNeverSatisfiesTheRequiredCheckName()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        Plant(run, CleanReport(headSha).ToJson());
        run.WorkflowRunEvent(headSha, "success"); // the fork's run ran its own copy of the workflow

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        var check = run.GitHub.CheckRuns().Should().ContainSingle().Subject;
        check.Name.Should().Be(Pipeline.Action.Posting.ReportPoster.ForkCheckRunName);
        check.Name.Should().NotBe(Pipeline.Action.Posting.ReportPoster.CheckRunName);
    }

    [RecordedEventFact]
    public async Task AReportDownloadedBesideTheCheckoutInTheWorkspaceIsRead()
    {
        // Runners that do not mount RUNNER_TEMP into a container action: report.yml downloads into
        // the workspace, beside the checkout in trusted/ that the action runs from.
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var path = Path.Combine(run.Repository.Root, "universe-report", "universe-report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, CleanReport(headSha).ToJson());
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        run.GitHub.Comments(Number).Should().ContainSingle();
    }

    [RecordedEventTheory]
    [InlineData("diagnostics", null, "lacks the field `diagnostics`")]
    [InlineData("packages", null, "lacks the field `packages`")]
    [InlineData("diagnostics[0]", "code", "lacks the field `diagnostics[0].code`")]
    [InlineData("diagnostics[0]", "message", "lacks the field `diagnostics[0].message`")]
    [InlineData("diagnostics[0]", "severity", "lacks the field `diagnostics[0].severity`")]
    public async Task AReportMissingAFieldIsAClearErrorNamingIt(string at, string? field, string expected)
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var report = CleanReport(headSha) with { Diagnostics = [new ReportedDiagnostic("UNI404", "error", "packages/H/hello/0/package.json", 1, 1, "reused", null)] };
        var json = JsonNode.Parse(report.ToJson())!.AsObject();
        if (field is null) json.Remove(at);
        else json["diagnostics"]![0]!.AsObject().Remove(field);
        Plant(run, json.ToJsonString());
        run.WorkflowRunEvent(headSha, "failure");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain(expected).And.NotContain("NullReferenceException").And.NotContain("   at ");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task UnknownExtraFieldsAreFine()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var json = JsonNode.Parse(CleanReport(headSha).ToJson())!.AsObject();
        json["addedInAFutureVersion"] = new JsonObject { ["x"] = 1 };
        Plant(run, json.ToJsonString());
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);
        run.GitHub.Comments(Number).Should().ContainSingle();
    }

    [RecordedEventFact]
    public async Task AnOversizeReportFileIsRefusedUnread()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var json = CleanReport(headSha).ToJson();
        // Valid JSON up to the bound and one byte past it: only its size can refuse it.
        Plant(run, json.TrimEnd()[..^1] + new string(' ', (int)ReportFile.MaxBytes - json.Length + 1) + "}");
        new FileInfo(Path.Combine(run.RunnerTemp, "universe-report", "universe-report.json")).Length.Should().Be(ReportFile.MaxBytes + 1);
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain($"larger than {ReportFile.MaxBytes} bytes");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task AReportWithTooManyDiagnosticsIsRefused()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var one = new ReportedDiagnostic("UNI404", "error", "packages/H/hello/0/package.json", 1, 1, "reused", null);
        Plant(run, (CleanReport(headSha) with { Diagnostics = Enumerable.Repeat(one, ReportFile.MaxDiagnostics + 1).ToArray() }).ToJson());
        run.WorkflowRunEvent(headSha, "failure");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain($"holds {ReportFile.MaxDiagnostics + 1} entries");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task OnlyTheFileReportPathNamesIsRead()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        // Where download-artifact put it before: the root of the checkout the action ran from.
        File.WriteAllText(Path.Combine(run.Repository.Root, "universe-report.json"), CleanReport(headSha).ToJson());
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain("does not exist under RUNNER_TEMP");
        NothingPosted(run);
    }

    [RecordedEventFact]
    public async Task AReportFileThatIsASymbolicLinkIsRefused()
    {
        var (run, headSha) = await StartAsync();
        await using var _ = run;
        var target = Path.Combine(run.RunnerTemp, "elsewhere.json");
        File.WriteAllText(target, CleanReport(headSha).ToJson());
        var path = Path.Combine(run.RunnerTemp, "universe-report", "universe-report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        run.WorkflowRunEvent(headSha, "success");

        (await run.RunAsync()).Should().Be(ExitCodes.Failure);

        run.Log.Should().Contain("symbolic link");
        NothingPosted(run);
    }
}
