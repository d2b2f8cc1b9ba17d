using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Tests;

/// <summary>
/// What a first neutralizer let through: a backslash before an escaped pipe, autolinks, and a
/// value that opens a block where it is put at the start of a line.
/// </summary>
public sealed partial class ReportMarkdownEscapeHoleTests
{
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly Uri Repository = new("https://github.com/o/r");

    private static ActionReport Report(params ReportedDiagnostic[] diagnostics) => new()
    {
        PullRequest = 7,
        HeadSha = "0123456789abcdef0123456789abcdef01234567",
        Diagnostics = diagnostics,
    };

    [Fact]
    public void ABackslashBeforeAPipeNeverLeavesAnEvenBackslashRunBeforeAnEscapedPipe()
    {
        var markdown = ReportMarkdown.Write(Report(
            new ReportedDiagnostic("UNI112", "error", "packages/E/evil/0/a\\|@octocat<!--", 2, 1, "`version`: `1\\|@octocat<!--` and 2\\|@octocat", null),
            new ReportedDiagnostic("UNI006", "warning", "packages/E/evil/0/b\\\\|c", 0, 0, "x\\\\\\|y", null)), Repository);

        // GitHub splits a row at a pipe after an even run of backslashes; none is ever emitted.
        markdown.Should().NotContain("\\\\|");
        var document = Markdown.Parse(markdown, GitHubLike);
        var table = document.Descendants<Table>().Should().ContainSingle().Subject;
        foreach (var row in table.OfType<TableRow>()) row.Count.Should().Be(4, markdown);
        document.Descendants<HtmlInline>().Select(h => h.Tag).Should().OnlyContain(t => t == "<sub>" || t == "</sub>", markdown);
        MarkdownText.Code("a\\|b", inTable: true).Should().Be("`a\\\u200B\\|b`");
        MarkdownText.Inline("a\\|b", inTable: true).Should().Be("a\\\\\u200B\\|b");
    }

    [Theory]
    [InlineData("see https://github.com/other/repo/issues/1 now")]
    [InlineData("see HTTP://evil.example/x now")]
    [InlineData("see www.evil.example now")]
    [InlineData("fixes GH-123 and gh-4")]
    public void UrlsAndIssueShorthandsBecomeNoLinkAndNoReference(string value)
    {
        var report = Report(new ReportedDiagnostic("UNI112", "error", "packages/E/evil/0/package.json", 1, 1, value, value)) with
        {
            Notes = [value],
            Changes = [new ReportedChange("evil", "Update", value, [0], [], [])],
        };
        var markdown = ReportMarkdown.Write(report);
        var document = Markdown.Parse(markdown, GitHubLike);

        document.Descendants<LinkInline>().Should().BeEmpty(markdown);
        document.Descendants<AutolinkInline>().Should().BeEmpty(markdown);
        var text = string.Join("\n", document.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        Reference().IsMatch(text).Should().BeFalse(text);
    }

    [Theory]
    [InlineData("# ✅ Universe validation: no problems", typeof(HeadingBlock))]
    [InlineData("  ## hidden", typeof(HeadingBlock))]
    [InlineData("- a list", typeof(ListBlock))]
    [InlineData("+ a list", typeof(ListBlock))]
    [InlineData("1. a list", typeof(ListBlock))]
    [InlineData("12) a list", typeof(ListBlock))]
    [InlineData("> quoted", typeof(QuoteBlock))]
    public void AValueAtTheStartOfALineOpensNoBlock(string value, Type block)
    {
        var report = Report() with { Notes = [value], Changes = [new ReportedChange("evil", "Update", value, [0], [], [])] };
        var markdown = ReportMarkdown.Write(report);
        var document = Markdown.Parse(markdown, GitHubLike);

        // Ours: the status heading, the changes heading, one quote per note, one list of changes.
        document.Descendants<HeadingBlock>().Should().HaveCount(2, markdown);
        document.Descendants<QuoteBlock>().Should().ContainSingle(markdown);
        document.Descendants<ListBlock>().Should().ContainSingle(markdown);
        document.Descendants<Block>().Where(b => b.GetType() == block && b.Parent is ListItemBlock).Should().BeEmpty(markdown);
        MarkdownText.Inline("#1").Should().Be("\\#\u200D1", "an escaped # still references nothing");
    }

    // What GitHub links in text: a URL, www., or an issue shorthand.
    [GeneratedRegex(@"(?i)(://|\bwww\.|\bgh-[0-9])")]
    private static partial Regex Reference();
}
