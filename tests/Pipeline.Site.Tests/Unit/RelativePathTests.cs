using Pipeline.Site.Html;

namespace Pipeline.Site.Tests.Unit;

public sealed class RelativePathTests
{
    [Theory]
    [InlineData("index.html", "")]
    [InlineData("assets/site.css", "../")]
    [InlineData("packages/kafka/index.html", "../../")]
    [InlineData("packages/kafka/12.html", "../../")]
    public void LeadsBackToTheSiteRoot(string page, string expected) =>
        RelativePath.ToRoot(page).Should().Be(expected);

    [Fact]
    public void PagePathsDoNotCollideWithRepositoryFiles()
    {
        string[] paths = [SitePaths.Index, SitePaths.Stylesheet, SitePaths.Script, SitePaths.SearchIndex, SitePaths.Package("kafka"), SitePaths.Revision("kafka", 3)];
        paths.Should().OnlyContain(p => !p.StartsWith("package/", StringComparison.Ordinal) && p != "index.json" && p != "universe.json" && !p.StartsWith("repo-", StringComparison.Ordinal) && p != "SHA256SUMS");
    }
}
