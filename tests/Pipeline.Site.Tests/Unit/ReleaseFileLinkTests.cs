using System.Text.RegularExpressions;
using Pipeline.Build.Output;
using Pipeline.Packages.Reading;
using Pipeline.Site.Tests.Support;

namespace Pipeline.Site.Tests.Unit;

/// <summary>Pages link to the repository files of the release the site was published with, and to the site's own copies without one.</summary>
public sealed class ReleaseFileLinkTests : IDisposable
{
    private const string Download = "https://github.com/acme/universe/releases/download/universe-2026-11-25-0123456789ab/";
    private static readonly SiteRelease Release = new(
        "universe-2026-11-25-0123456789ab",
        "https://github.com/acme/universe/releases/tag/universe-2026-11-25-0123456789ab",
        Download,
        ["index.json", "repo-up-to-2.0.json.gz", "universe.json.gz", "SHA256SUMS"]);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IReadOnlyList<BuiltFile> Site(SiteRelease? release)
    {
        new TreeBuilder(_temp.Path).Revision("alpha", 0, TreeBuilder.Package("1.0", "First"));
        return SiteGenerator.Generate(PackageTreeReader.Read(_temp.Path), new SiteOptions { Release = release });
    }

    [Fact]
    public void WithAReleaseEveryPageLinksToItsFiles()
    {
        var site = Site(Release);

        foreach (var path in (string[])["index.html", "packages/alpha/index.html", "packages/alpha/versions.html", "404.html"])
        {
            var html = SiteFiles.Text(site, path);
            html.Should().Contain($"href=\"{Download}index.json\">index.json</a>", path)
                .And.Contain($"href=\"{Download}universe.json.gz\">universe.json.gz</a>", "the release carries the DC/OS files gzipped")
                .And.Contain($"href=\"{Download}SHA256SUMS\">SHA256SUMS</a>")
                .And.Contain($"from release <a href=\"{Release.PageUrl}\">{Release.Name}</a>");
            Regex.Matches(html, "href=\"([^\"]*)index.json\"").Select(m => m.Groups[1].Value).Should().AllBe(Download, $"{path} links no other index.json");
        }
        SiteFiles.Text(site, "packages/alpha/index.html").Should().Contain("href=\"../../package/alpha.json\"", "the package file is not in the release");
    }

    [Fact]
    public void WithoutOneThePagesLinkToTheSitesOwnCopies()
    {
        var site = Site(null);

        var package = SiteFiles.Text(site, "packages/alpha/index.html");
        package.Should().Contain("href=\"../../index.json\">index.json</a>").And.Contain("href=\"../../universe.json\">universe.json</a>").And.Contain("href=\"../../SHA256SUMS\">SHA256SUMS</a>");
        package.Should().NotContain("releases/download").And.NotContain("from release");
        SiteFiles.Text(site, "index.html").Should().Contain("href=\"index.json\">index.json</a>");
    }
}
