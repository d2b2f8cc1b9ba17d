using Pipeline.Diagnostics;
using Pipeline.GitHub.Checks;
using Pipeline.GitHub.Errors;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class CheckRunReporterTests
{
    private static readonly CheckRunRequest Request = new("universe / validate", "0123456789abcdef0123456789abcdef01234567", "Validation", "120 problems");

    private static Diagnostic Numbered(int i) => new(
        $"U{i:D3}",
        (Severity)(i % 3),
        i % 50 == 0 ? null : $"packages/A/arangodb/{i}/config.json",
        i % 7 == 0 ? 0 : i,
        i % 2 == 0 ? 3 : 0,
        $"problem {i}",
        i % 5 == 0 ? "do this instead" : null);

    [Fact]
    public async Task HundredTwentyDiagnosticsGoOutAsBatchesOf50And50And20()
    {
        await using var gh = await TestGitHub.StartAsync();
        var diagnostics = Enumerable.Range(1, 120).Select(Numbered).ToList();

        var report = await new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(gh.Repo, Request, diagnostics, CheckRunConclusion.Failure);

        report.Batches.Should().Be(3);
        var run = gh.State.CheckRuns().Single();
        run.Id.Should().Be(report.CheckRunId);
        run.AnnotationBatches.Should().Equal(50, 50, 20);
        run.Status.Should().Be("completed");
        run.Conclusion.Should().Be("failure");
        run.HeadSha.Should().Be(Request.HeadSha);
        run.Annotations.Should().HaveCount(120);
        run.Annotations.Select(a => a.Title).Should().Equal(diagnostics.Select(d => d.Code));
    }

    [Fact]
    public async Task AnnotationsCarryLevelLinePathAndHint()
    {
        await using var gh = await TestGitHub.StartAsync();
        Diagnostic[] diagnostics =
        [
            new("U001", Severity.Error, "packages/A/a/0/package.json", 12, 5, "bad version", "use semver"),
            new("U002", Severity.Warning, "packages/A/a/0/config.json", 0, 0, "whole file", null),
            new("U003", Severity.Note, null, 0, 0, "repository-wide", null),
        ];

        await new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(gh.Repo, Request, diagnostics, CheckRunConclusion.Failure);

        var annotations = gh.State.CheckRuns().Single().Annotations;
        annotations[0].Should().BeEquivalentTo(new FakeAnnotation("packages/A/a/0/package.json", 12, 12, "failure", "bad version\nuse semver", "U001", 5, 5));
        annotations[1].Should().BeEquivalentTo(new FakeAnnotation("packages/A/a/0/config.json", 1, 1, "warning", "whole file", "U002", null, null));
        annotations[2].Path.Should().Be(".github");
        annotations[2].Level.Should().Be("notice");
        annotations[2].StartLine.Should().Be(1);
    }

    [Fact]
    public async Task CleanRunCompletesWithSuccessAndNoAnnotationRequests()
    {
        await using var gh = await TestGitHub.StartAsync();

        var report = await new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(
            gh.Repo, Request, [], CheckRunConclusion.Success);

        report.Conclusion.Should().Be(CheckRunConclusion.Success);
        gh.State.CheckRuns().Single().Conclusion.Should().Be("success");
        gh.Server.RequestsTo("PATCH", "/repos/acme/universe/check-runs/").Should().HaveCount(1);
    }

    [Fact]
    public async Task TheCompletionTimeIsTheClocks()
    {
        await using var gh = await TestGitHub.StartAsync();

        await new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(gh.Repo, Request, [], CheckRunConclusion.Success);

        var completion = gh.Server.RequestsTo("PATCH", "/repos/acme/universe/check-runs/").Single();
        var completedAt = System.Text.Json.Nodes.JsonNode.Parse(completion.BodyText)!["completed_at"]!.GetValue<string>();
        DateTimeOffset.Parse(completedAt, System.Globalization.CultureInfo.InvariantCulture).Should().Be(gh.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData(CheckRunConclusion.Failure, "failure")]
    [InlineData(CheckRunConclusion.Success, "success")]
    public async Task RefusedBatchClosesTheRunWithItsConclusionSaysWhyAndSurfacesATypedError(CheckRunConclusion conclusion, string expected)
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.Server.InjectFault("PATCH", "/repos/*/*/check-runs/*", FakeFault.ValidationFailed(new FakeValidationError("CheckRun", "invalid", "annotations")));

        var act = () => new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(gh.Repo, Request, [Numbered(1)], conclusion);

        (await act.Should().ThrowAsync<GitHubReportException>()).Which.StatusCode.Should().Be(422);
        // Not neutral: a required check accepts neutral, so errors would pass.
        var run = gh.State.CheckRuns().Single();
        run.Status.Should().Be("completed");
        run.Conclusion.Should().Be(expected);
        run.Summary.Should().Contain("Sending the annotations to GitHub failed").And.Contain(Request.Summary);
        gh.Server.PendingFaults.Should().Be(0);
    }
}
