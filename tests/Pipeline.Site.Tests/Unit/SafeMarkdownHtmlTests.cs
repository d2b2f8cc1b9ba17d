using Pipeline.Site.Html;

namespace Pipeline.Site.Tests.Unit;

public sealed class SafeMarkdownHtmlTests
{
    [Fact]
    public void RawHtmlIsShownAsText()
    {
        var html = SafeMarkdownHtml.ToHtml("Hello <script>window.x=1</script> and <img src=x onerror=\"y()\">\n\n<div onclick=\"z()\">block</div>");
        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("<div");
        html.Should().Contain("&lt;script&gt;").And.Contain("&lt;img src=x onerror=&quot;y()&quot;&gt;").And.Contain("&lt;div onclick");
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x][r]\n\n[r]: vbscript:msgbox")]
    public void UnsafeLinkTargetsBecomeText(string markdown)
    {
        var html = SafeMarkdownHtml.ToHtml(markdown);
        html.Should().NotContain("href=", because: "only http(s), mailto and relative links survive: {0}", html);
    }

    [Theory]
    [InlineData("[docs](https://example.com/docs)", "href=\"https://example.com/docs\"")]
    [InlineData("[mail](mailto:ops@example.com)", "href=\"mailto:ops@example.com\"")]
    [InlineData("[section](#options)", "href=\"#options\"")]
    [InlineData("see https://example.com/a", "href=\"https://example.com/a\"")]
    public void SafeLinksAreKept(string markdown, string expected) =>
        SafeMarkdownHtml.ToHtml(markdown).Should().Contain(expected);

    [Fact]
    public void ImagesBecomeLinksSoNothingLoadsFromOtherHosts()
    {
        var html = SafeMarkdownHtml.ToHtml("![diagram](https://example.com/d.png)");
        html.Should().NotContain("<img").And.Contain("<a href=\"https://example.com/d.png\">diagram</a>");
    }

    [Fact]
    public void HeadingsAreShiftedUnderThePageHeadings() =>
        SafeMarkdownHtml.ToHtml("# Title\n\n##### Deep", headingShift: 2).Should().Contain("<h3>Title</h3>").And.Contain("<h6>Deep</h6>");

    [Fact]
    public void PipeTablesRender() =>
        SafeMarkdownHtml.ToHtml("| a | b |\n|---|---|\n| 1 | 2 |").Should().Contain("<table>");
}
