using Pipeline.Site.Html;

namespace Pipeline.Site.Tests.Unit;

public sealed class HtmlEscapingTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=\"a()\">", "&lt;img src=x onerror=&quot;a()&quot;&gt;")]
    [InlineData("Tom & Jerry's", "Tom &amp; Jerry&#39;s")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    public void EncodesEveryMarkupCharacter(string text, string expected) =>
        HtmlWriter.Encode(text).Should().Be(expected);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>")]
    [InlineData("vbscript:x")]
    [InlineData("ftp://example.com/file")]
    public void LinksOnlyToWebAddresses(string url)
    {
        var html = new HtmlWriter().Link(url).ToString();
        html.Should().NotContain("<a ").And.NotContain("<script");
    }

    [Fact]
    public void LinksToHttpsAddressesWithEscapedAttributes()
    {
        var html = new HtmlWriter().Link("https://example.com/?a=1&b=\"2\"", "<b>site</b>").ToString();
        html.Should().Be("<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\" rel=\"nofollow noopener\">&lt;b&gt;site&lt;/b&gt;</a>");
    }
}
