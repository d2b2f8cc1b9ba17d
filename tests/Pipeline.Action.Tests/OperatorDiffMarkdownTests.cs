using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pipeline.Action.Reports;

namespace Pipeline.Action.Tests;

/// <summary>The "what changes for operators" sections of the comment: collapsed, bounded, and package text stays text.</summary>
public sealed partial class OperatorDiffMarkdownTests
{
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Diff = "--- marathon.json (revision 4, version 1.2.0)\n+++ marathon.json (revision 5, version 1.3.0)\n@@ -1,3 +1,3 @@\n {\n-  \"cpus\": 1\n+  \"cpus\": 2\n }\n";

    private static ActionReport With(params ReportedRevisionDiff[] diffs) => new()
    {
        PullRequest = 7,
        HeadSha = "0123456789abcdef0123456789abcdef01234567",
        DescriptorDiffs = diffs,
    };

    private static ReportedRevisionDiff Kafka(string? diff, string version = "1.3.0", string? problem = null, int next = 5) =>
        new("kafka", 4, "1.2.0", next, version, [new ReportedDescriptorDiff("marathon.json", diff, problem, diff is null && problem is null)]);

    [Fact]
    public void ANewRevisionGetsACollapsedSectionWithItsDiffInADiffBlock()
    {
        var markdown = ReportMarkdown.Write(With(Kafka(Diff)));
        var document = Markdown.Parse(markdown, GitHubLike);

        markdown.Should().Contain("<details><summary>What changes for operators of <code>kafka</code> <code>1.2.0</code> → <code>1.3.0</code> (revision 4 → 5)</summary>");
        var block = document.Descendants<FencedCodeBlock>().Should().ContainSingle().Subject;
        block.Info.Should().Be("diff");
        (block.Lines.ToString().Replace("\r", "") + "\n").Should().Be(Diff);
        document.Descendants<HtmlBlock>().Select(h => h.Lines.ToString().Trim()).Should().Contain("</details>");
    }

    [Fact]
    public void IdenticalRenderingsSaySoAndAProblemIsOneLine()
    {
        var markdown = ReportMarkdown.Write(With(Kafka(null), Kafka(null, problem: "revision 6 does not render: the template does not parse at line 1", next: 6)));

        markdown.Should().Contain("No change in the rendered descriptors.")
            .And.Contain("- `marathon.json`: revision 6 does not render: the template does not parse at line 1");
        Markdown.Parse(markdown, GitHubLike).Descendants<FencedCodeBlock>().Should().BeEmpty();
    }

    [Fact]
    public void AHugeDiffIsCutAtALineWithTheCountLeftAndEverySectionAndAllOfThemAreBounded()
    {
        var huge = "--- a\n+++ b\n@@ -1,100000 +1,100000 @@\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"+  \"line {i}\": {i},\n"));
        var diffs = Enumerable.Range(5, 6).Select(n => Kafka(huge, next: n)).ToArray();

        var markdown = ReportMarkdown.Write(With(diffs));
        var sections = SectionPattern().Matches(markdown).Select(m => m.Value).ToArray();

        sections.Select(s => s.Length).Should().HaveCount(3, "20,000 characters hold two full sections and the rest of the room");
        sections.Should().OnlyContain(s => s.Length <= OperatorDiffMarkdown.SectionChars);
        sections.Sum(s => s.Length).Should().BeLessThanOrEqualTo(OperatorDiffMarkdown.TotalChars);
        sections[0].Should().MatchRegex(@"\n… \d{5} more lines\n").And.Contain("The diff is cut here; the report file");
        markdown.Should().Contain("> 3 more revisions' changes are not shown here");
        Markdown.Parse(markdown, GitHubLike).Descendants<FencedCodeBlock>().Should().HaveCount(3, "every cut block is still closed");
    }

    [Fact]
    public void PackageTextInTheDiffCannotCloseTheBlockMentionAnyoneOrOpenHtml()
    {
        var hostile = "--- a\n+++ b\n@@ -1 +1,6 @@\n-x\n+```\n````\n+@someone fixes #1\n+<script>alert(1)</script>\n+::error::forged\n+</details><details>\r<img src=x>\u202E\n";
        var markdown = ReportMarkdown.Write(With(Kafka(hostile, version: "1.3.0 @octocat <img src=x>")));
        var document = Markdown.Parse(markdown, GitHubLike);

        var block = document.Descendants<FencedCodeBlock>().Should().ContainSingle().Subject;
        block.Lines.ToString().Should().Contain("<script>alert(1)</script>").And.Contain("@someone").And.Contain("+::error::forged").And.Contain("\\r<img src=x>\\u202E");
        document.Descendants<HtmlBlock>().Select(h => h.Lines.ToString()).Should().OnlyContain(h => h.StartsWith("<details><summary>", StringComparison.Ordinal) || h.Trim() == "</details>");
        document.Descendants<HtmlInline>().Select(h => h.Tag).Should().OnlyContain(t => t == "<sub>" || t == "</sub>", "only the status line's own");
        var text = string.Join("\n", document.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        text.Should().NotContain("@someone");
        markdown.Should().Contain("<code>1.3.0 @octocat &lt;img src=x&gt;</code>", "the version is encoded, and no mention is made inside code");
        markdown.Should().NotContain("\r");
    }

    [Fact]
    public void ThousandsOfFailingDescriptorsInAReportStayWithinTheSection()
    {
        var failing = Enumerable.Range(0, 5_000).Select(i => new ReportedDescriptorDiff($"d{i}.json", null, new string('p', 400), false));
        var diff = new ReportedRevisionDiff("kafka", 4, "1.2.0", 5, "1.3.0", [.. failing, new ReportedDescriptorDiff("marathon.json", Diff, null, false)]);

        var section = SectionPattern().Match(ReportMarkdown.Write(With(diff))).Value;

        section.Length.Should().BeLessThanOrEqualTo(OperatorDiffMarkdown.SectionChars);
        section.Should().MatchRegex(@"- … and \d{4} more descriptors that are not shown\n").And.Contain("```diff\n--- marathon.json");
    }

    [Fact]
    public void AKeptTextIsCutAtALineOrInsideAnOverlongFirstLineAndCountsTheLinesLeft()
    {
        ReportedRevisionDiff.Kept("a\nb\nc\n", 100).Should().Be("a\nb\nc\n");
        var lines = string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i:D3}\n"));
        ReportedRevisionDiff.Kept(lines, 100).Should().Be("line 000\nline 001\nline 002\nline 003\nline 004\nline 005\nline 006\n… 93 more lines\n");
        var overlong = new string('x', 1_000) + "\nb\nc";
        var kept = ReportedRevisionDiff.Kept(overlong, 100);
        kept.Should().Be(new string('x', 68) + "\n… 2 more lines\n");
    }

    [GeneratedRegex(@"<details><summary>What changes for operators.*?\n</details>\n", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();
}
