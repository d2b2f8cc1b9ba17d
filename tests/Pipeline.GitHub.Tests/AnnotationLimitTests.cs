using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub.Checks;

namespace Pipeline.GitHub.Tests;

/// <summary>
/// 100,000 findings once made 2,000 check run requests (a workflow token has 1,000 an hour):
/// what is annotated is bounded, and the summary counts the rest.
/// </summary>
public sealed class AnnotationLimitTests
{
    private static readonly CheckRunRequest Request = new("universe / validate", "0123456789abcdef0123456789abcdef01234567", "Validation", "## 100,000 problems");

    /// <summary>1,000 files with 100 findings each; in every file the last 5 are errors, the rest warnings.</summary>
    private static List<Diagnostic> HundredThousand() =>
        [.. Enumerable.Range(0, 100_000).Select(i => new Diagnostic(
            "UNI111", i % 100 >= 95 ? Severity.Error : Severity.Warning, $"packages/A/a{i / 100}/0/package.json", i % 100 + 1, 1, $"unknown field `x{i}`", null))];

    [Fact]
    public async Task HundredThousandFindingsMakeAtMostTenAnnotationRequests()
    {
        await using var gh = await TestGitHub.StartAsync();

        var report = await new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(gh.Repo, Request, HundredThousand(), CheckRunConclusion.Failure);

        var run = gh.State.CheckRuns().Single();
        run.AnnotationBatches.Should().HaveCount(10).And.OnlyContain(b => b <= CheckRunReporter.AnnotationsPerRequest);
        gh.Server.RequestsTo("PATCH", "/repos/acme/universe/check-runs/").Should().HaveCount(11, "ten batches and the completion");
        gh.Server.Requests.Should().HaveCount(12, "and the creation");
        run.Annotations.Should().HaveCount(PostingLimit.Total);
        run.Annotations.GroupBy(a => a.Path).Should().OnlyContain(g => g.Count() <= PostingLimit.PerFile);
        run.Annotations.Count(a => a.Level == "failure").Should().Be(PostingLimit.Total, "the 5,000 errors come before the warnings");
        report.Annotations.Should().Be(500);
        report.NotAnnotated.Should().Be(99_500);
        run.Summary.Should().StartWith("> 99500 more findings are not shown here (at most 10 per file and 500 in all are); the report file");
    }

    [Fact]
    public async Task TheCountOfTheRestSurvivesASummaryCutToGitHubsLimit()
    {
        await using var gh = await TestGitHub.StartAsync();
        var longSummary = Request with { Summary = string.Concat(Enumerable.Repeat("| row |\n", 20_000)) };

        await new CheckRunReporter(gh.Client, gh.Retry).ReportAsync(gh.Repo, longSummary, HundredThousand(), CheckRunConclusion.Failure);

        var summary = gh.State.CheckRuns().Single().Summary!;
        summary.Length.Should().BeLessThanOrEqualTo(65_535);
        summary.Should().Contain("99500 more findings are not shown here");
    }

    [Fact]
    public void PickKeepsTheGivenOrderAndPrefersErrors()
    {
        string[] items = ["a:w", "a:w", "a:e", "b:w", "a:e"];
        var (posted, left) = PostingLimit.Pick(items, s => s[..1], s => s.EndsWith('e') ? Severity.Error : Severity.Warning, perFile: 2, total: 3);

        posted.Should().Equal("a:e", "b:w", "a:e");
        left.Should().Be(2);
    }
}
