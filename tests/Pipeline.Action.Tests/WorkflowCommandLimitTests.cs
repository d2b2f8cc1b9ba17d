using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Tests;

/// <summary>
/// Without a check run, findings are annotated through workflow commands, of which GitHub keeps 10
/// errors and 10 warnings per step: no more are printed, and a notice says where the rest are.
/// </summary>
public sealed class WorkflowCommandLimitTests
{
    private static ReportedDiagnostic[] HundredThousand() =>
        [.. Enumerable.Range(0, 100_000).Select(i => new ReportedDiagnostic(
            "UNI111", (i % 3) switch { 0 => "error", 1 => "warning", _ => "note" }, $"packages/A/a{i / 100}/0/package.json", i % 100 + 1, 1, $"unknown field `x{i}`", null))];

    [Fact]
    public void HundredThousandFindingsPrintTenOfEachLevelAndOneNotice()
    {
        var log = new StringWriter();

        WorkflowCommands.WriteAnnotations(HundredThousand(), log, "the report file universe-report.json");

        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)).Should().Be(10);
        lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)).Should().Be(10);
        lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)).Should().Be(11);
        lines.Should().HaveCount(31);
        lines[^1].Should().Be("::notice title=More findings::99970 more findings are not annotated (GitHub keeps 10 errors, 10 warnings and 10 notices per step); the report file universe-report.json lists every one.");
    }

    [Fact]
    public void AFileNameOrMessageCannotStartACommandOfItsOwn()
    {
        var log = new StringWriter();
        var forged = "y\n::error file=x::forged\r::warning::";

        WorkflowCommands.WriteAnnotations([new ReportedDiagnostic("UNI006", "warning", "packages/A/a/0/" + forged, 0, 0, forged, forged)], log);

        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().StartWith("::warning file=packages/A/a/0/y%0A%3A%3Aerror file=x%3A%3Aforged%0D%3A%3Awarning%3A%3A,title=UNI006");
        log.ToString().Should().NotContain("\r").And.NotContain("\n::error");
    }

    [Fact]
    public void TheCommentListsAsManyFindingsAsAreAnnotatedAndCountsTheRest()
    {
        var report = new ActionReport { Diagnostics = HundredThousand() };

        var markdown = ReportMarkdown.Write(report);

        var rows = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()).Descendants<TableRow>().Count(r => !r.IsHeader);
        rows.Should().Be(PostingLimit.Total);
        markdown.Should().Contain("> 99500 more findings are not shown here (at most 10 per file and 500 in all are); the report file (the workflow run's artifact) lists every one.");
        markdown.Length.Should().BeLessThan(200_000);
    }
}
