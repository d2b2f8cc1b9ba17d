using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Runs;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.Git;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Action.Tests;

/// <summary>The action in a universe whose released revisions carry defects that universe-baseline.json accepts.</summary>
public sealed class BaselineModeTests
{
    /// <summary>main: hello 0 released with a duplicate key, and the baseline accepting it.</summary>
    private static (GitRepository Repository, string Base) UniverseWithAcceptedDefects()
    {
        var repository = new GitRepository();
        repository.Write("packages/H/hello/0/package.json", GitRepository.PackageJson("hello", "1.0.0").Replace("\"maintainer\"", "\"version\": \"0.9.0\",\n  \"maintainer\"", StringComparison.Ordinal));
        var findings = TreeValidator.Validate(PackageTreeReader.Read(repository.Root)).Diagnostics;
        findings.Should().ContainSingle().Which.Code.Should().Be("UNI103");
        repository.Write(Baseline.FileName, BaselineFile.Write(Baseline.Of(findings)));
        return (repository, repository.Commit("hello 0 with a defect, accepted"));
    }

    [RecordedEventFact]
    public async Task APullRequestWhoseOnlyFindingsAreBaselinedPassesWithTheAcceptedSection()
    {
        var (repository, baseSha) = UniverseWithAcceptedDefects();
        repository.Branch("feature");
        // A settings change validates the whole tree, old revisions included.
        repository.Write("universe.yaml", "description: Our packages.\n");
        var headSha = repository.Commit("describe the universe");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(5, baseSha, headSha);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success, run.Log);
        var comment = run.GitHub.Comments(5).Should().ContainSingle().Subject.Body;
        comment.Should().Contain("✅ Universe validation: 0 errors, 0 warnings, 1 accepted")
            .And.Contain("<details><summary>1 accepted finding (universe-baseline.json)</summary>")
            .And.Contain("packages/H/hello/0/package.json");
        var check = run.GitHub.CheckRuns().Should().ContainSingle().Subject;
        check.Conclusion.Should().Be("success");
        check.Annotations.Should().BeEmpty("accepted findings are not annotated");
        run.GitHub.Labels(5).Should().NotContain("needs fixes");
        File.ReadAllText(run.SummaryPath).Should().Contain("1 accepted finding");
        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Scope.Should().Be("whole-tree");
        report.Baseline.Should().Be(Baseline.FileName);
        report.Accepted.Should().ContainSingle().Which.Code.Should().Be("UNI103");
        report.Diagnostics.Should().BeEmpty();
        File.ReadAllText(Path.ChangeExtension(run.Outputs()["report"], ".sarif")).Should().Contain("\"baselineState\": \"unchanged\"");
    }

    [RecordedEventFact]
    public async Task APullRequestThatAddsABaselineEntryWithoutTheLabelFails()
    {
        var (repository, baseSha) = UniverseWithAcceptedDefects();
        repository.Branch("feature");
        repository.Write("packages/W/world/0/package.json", GitRepository.PackageJson("world", "1.0.0").Replace("\"maintainer\"", "\"name\": \"world\",\n  \"maintainer\"", StringComparison.Ordinal));
        repository.Write(Baseline.FileName, BaselineFile.Write(Baseline.Of(TreeValidator.Validate(PackageTreeReader.Read(repository.Root)).Diagnostics)));
        var headSha = repository.Commit("world 0 with a defect, and accept it");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(6, baseSha, headSha);

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.ContentErrors);
        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Diagnostics.Select(d => (d.Code, d.File)).Should().BeEquivalentTo([("UNI103", "packages/W/world/0/package.json"), ("UNI406", Baseline.FileName)]);
        report.Scope.Should().Be("git", "a changed baseline does not validate the whole tree");
    }

    [Fact]
    public async Task PublishModePublishesATreeWhoseOnlyErrorsAreBaselined()
    {
        var (repository, sha) = UniverseWithAcceptedDefects();
        await using var run = await ActionRun.StartAsync(repository);
        run.With("mode", "publish").With("release", "false").Set("GITHUB_SHA", sha).Set("GITHUB_EVENT_NAME", "push");

        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success, run.Log);
        run.Outputs()["valid"].Should().Be("true");
        File.ReadAllText(run.SummaryPath).Should().Contain("Universe published").And.Contain("1 finding of a released revision is accepted by `universe-baseline.json`");
    }

    [Fact]
    public void TheCommentListsAcceptedFindingsCollapsedAndCappedAndFixedOnesWithThePruneHint()
    {
        var accepted = Enumerable.Range(1, 130)
            .Select(i => new Reports.ReportedDiagnostic("UNI103", "error", $"packages/H/hello/{i}/config.json", 3, 5, "duplicate key `port` (first at line 2)", "hint"))
            .ToArray();
        var report = new Reports.ActionReport
        {
            Baseline = Baseline.FileName,
            Accepted = accepted,
            Fixed = [new Reports.ReportedBaselineEntry("UNI202", "packages/H/hello/0/config.json", "0123456789abcdef", 2)],
        };

        var markdown = Reports.ReportMarkdown.Write(report);

        markdown.Should().StartWith("## ✅ Universe validation: 0 errors, 0 warnings, 130 accepted")
            .And.Contain("No new problems found.")
            .And.Contain("<details><summary>130 accepted findings (universe-baseline.json)</summary>")
            .And.Contain("packages/H/hello/100/config.json:3:5").And.NotContain("packages/H/hello/101/config.json")
            .And.Contain("… and 30 more, listed in the report file")
            .And.Contain("2 baselined findings are fixed: run <code>universe baseline --prune</code>")
            .And.Contain("- `packages/H/hello/0/config.json` UNI202 ×2");
        markdown.Split("<details>").Length.Should().Be(markdown.Split("</details>").Length, "every section is closed");
    }

    [Fact]
    public void AForgedReportCannotBreakOutOfTheBaselineSections()
    {
        // Report mode posts a file a fork's run wrote: its codes and paths are untrusted text.
        var report = new Reports.ActionReport
        {
            Baseline = Baseline.FileName,
            Accepted = [new Reports.ReportedDiagnostic("UNI103 | </details><img src=x>", "error", "packages/H/hello/1/a\r\n</details>`.json", 3, 5, "m", null)],
            Fixed = [new Reports.ReportedBaselineEntry("UNI202</details>", "packages/H/hello/0/x\r.json", "0123456789abcdef", 1)],
        };

        var markdown = Reports.ReportMarkdown.Write(report);

        markdown.Should().NotContain("<img").And.NotContain("\r").And.NotContain("UNI103 |")
            .And.Contain("UNI103 \\| &lt;/details&gt;&lt;img src=x&gt;").And.Contain("UNI202&lt;/details&gt;");
        // A path stays inside its code span (where HTML is not read): its backtick cannot end it.
        markdown.Should().Contain("``packages/H/hello/1/a\\r\\n</details>`.json:3:5``");
    }

    [RecordedEventTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithoutTheBaseBranchAPullRequestsOwnBaselineCountsOnlyUnderTheLabel(bool labelled)
    {
        // A shallow clone and no token: the whole head tree is validated, and its baseline is the
        // pull request's, which here accepts the pull request's own new defect.
        var (origin, baseSha) = UniverseWithAcceptedDefects();
        using var keep = origin;
        origin.Branch("feature");
        origin.Write("packages/W/world/0/package.json", GitRepository.PackageJson("world", "1.0.0").Replace("\"maintainer\"", "\"name\": \"world\",\n  \"maintainer\"", StringComparison.Ordinal));
        origin.Write(Baseline.FileName, BaselineFile.Write(Baseline.Of(TreeValidator.Validate(PackageTreeReader.Read(origin.Root)).Diagnostics)));
        var headSha = origin.Commit("world 0 with a defect, and accept it");
        await using var run = await ActionRun.StartAsync(origin.ShallowClone("feature"));
        string[] labels = labelled ? ["maintainer-edit"] : [];
        run.PullRequestEvent(8, baseSha, headSha, labels).With("token", null).With("allow-edit-label", "maintainer-edit");

        var status = await run.RunAsync();

        var report = Reports.ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out _)!;
        report.Scope.Should().Be("whole-tree");
        if (labelled)
        {
            status.Should().Be(ExitCodes.Success, run.Log);
            report.Accepted.Should().HaveCount(2);
        }
        else
        {
            status.Should().Be(ExitCodes.ContentErrors, run.Log);
            report.Baseline.Should().BeNull();
            report.Diagnostics.Where(d => d.Code == "UNI103").Should().HaveCount(2);
            report.Notes.Should().Contain(n => n.Contains("cannot be trusted"));
        }
    }

    [RecordedEventFact]
    public async Task TheForkSafeReportCarriesTheAcceptedFindingsToTheComment()
    {
        var (repository, baseSha) = UniverseWithAcceptedDefects();
        repository.Branch("feature");
        repository.Write("universe.yaml", "description: Our packages.\n");
        var headSha = repository.Commit("describe the universe");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(9, baseSha, headSha).With("mode", "validate").With("token", null);
        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);
        File.ReadAllText(run.Outputs()["report"]).Should().Contain("\"accepted\"");

        run.GitHub.SetPullRequest(9, headSha, baseSha);
        run.DownloadReport();
        run.WorkflowRunEvent(headSha, "success").With("mode", "report").With("token", ActionRun.Token);
        var status = await run.RunAsync();

        status.Should().Be(ExitCodes.Success, run.Log);
        run.GitHub.Comments(9).Should().ContainSingle().Which.Body.Should().Contain("<details><summary>1 accepted finding (universe-baseline.json)</summary>");
    }
}
