using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Tests;

/// <summary>Text from a pull request reaches the comment and the job summary as text, never as Markdown structure.</summary>
public sealed partial class ReportMarkdownInjectionTests
{
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static ActionReport HostileReport() => new()
    {
        PullRequest = 7,
        HeadSha = "0123456789abcdef0123456789abcdef01234567",
        Notes = ["see #1 and @octocat\n</details><details>"],
        Changes = [new ReportedChange("evil", "Update", "new revision 1 of `evil`` @octocat`", [1], [], [])],
        OutsidePackages = ["docs/x\r<details>@octocat.md"],
        Diagnostics =
        [
            new ReportedDiagnostic("UNI112", "error", "packages/E/evil/1/a\r</details><details>|x.json", 2, 14,
                "`version`: \"1.0 @octocat\" fixes #1 | <img src=x> ![i](http://x/i.png) [l](http://x)", "hint\nwith @octocat"),
            new ReportedDiagnostic("UNI006", "warning", "packages/E/evil/1/b`|`c.json", 0, 0, "`b``|``c.json` is not a revision file", null),
        ],
    };

    [Fact]
    public void AHostileFileNameVersionAndMessageKeepTheTableAndOpenNoHtml()
    {
        var markdown = ReportMarkdown.Write(HostileReport(), new Uri("https://github.com/o/r"));
        var document = Markdown.Parse(markdown, GitHubLike);

        var table = document.Descendants<Table>().Should().ContainSingle().Subject;
        table.Count.Should().Be(3, "a header and one row per diagnostic");
        foreach (var row in table.OfType<TableRow>()) row.Count.Should().Be(4, markdown);
        document.Descendants<HtmlBlock>().Should().BeEmpty(markdown);
        document.Descendants<HtmlInline>().Select(h => h.Tag).Should().OnlyContain(t => t == "<sub>" || t == "</sub>" || t == "<br>", markdown);
        document.Descendants<LinkInline>().Should().OnlyContain(l => l.Url!.StartsWith("https://github.com/o/r/blob/", StringComparison.Ordinal), "no link or image but ours");
    }

    [Fact]
    public void NoTextOutsideCodeMentionsAnyoneOrReferencesAnIssue()
    {
        var markdown = ReportMarkdown.Write(HostileReport());
        var document = Markdown.Parse(markdown, GitHubLike);
        var text = string.Join("\n", document.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

        text.Should().Contain("octocat").And.Contain("#\u200D1");
        MentionOrReference().IsMatch(text).Should().BeFalse(text);
        markdown.Should().NotContain("\r");
    }

    [Fact]
    public void CodeSpansAreFencedLongerThanAnyRunInsideAndTextIsBounded()
    {
        MarkdownText.Code("a``b").Should().Be("```a``b```");
        MarkdownText.Code("`x").Should().Be("`` `x ``");
        MarkdownText.Code("a|b", inTable: true).Should().Be("`a\\|b`");
        MarkdownText.Inline("`a` and `b").Should().Be("`a` and \\`b");
        var cut = MarkdownText.Inline(new string('x', 10_000), maxLength: 100);
        cut.Should().HaveLength(100).And.EndWith("…");
        MarkdownText.Inline("a\u202Eb\tc").Should().Be("a\\\\u202Eb\\\\tc");
    }

    [GeneratedRegex(@"(?<![\w`])(@[A-Za-z0-9]|#[0-9])")]
    private static partial Regex MentionOrReference();
}
