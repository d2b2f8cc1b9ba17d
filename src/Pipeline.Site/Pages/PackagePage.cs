using System.Globalization;
using Pipeline.Site.Html;
using Pipeline.Site.Model;

namespace Pipeline.Site.Pages;

/// <summary>
/// A revision's page: packages/&lt;name&gt;/index.html for the newest, packages/&lt;name&gt;/&lt;revision&gt;.html
/// for the others. Each lists the versions around its own and links to the package's version list
/// (<see cref="VersionsPage"/>), so any revision is at most three clicks from the index.
/// </summary>
internal static class PackagePage
{
    public static string Path(SitePackage package, SiteRevision revision) =>
        ReferenceEquals(revision, package.Latest) ? SitePaths.Package(package.Name) : SitePaths.Revision(package.Name, revision.ReleaseVersion);

    public static string Render(SiteContext site, SitePackage package, SiteRevision revision)
    {
        var isLatest = ReferenceEquals(revision, package.Latest);
        var path = Path(package, revision);
        var root = RelativePath.ToRoot(path);
        var title = isLatest ? $"{package.Name} · {site.Title}" : $"{package.Name} {revision.Version} · {site.Title}";
        var page = new PageLayout.Page(path, title, revision.Description);
        var html = new HtmlWriter();
        PageLayout.Start(html, site, page);

        html.Raw("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol><li>").SiteLink(root + SitePaths.Index, "All packages")
            .Raw("</li><li>");
        if (isLatest) html.Raw("<span aria-current=\"page\">").Text(package.Name).Raw("</span>");
        else html.SiteLink("index.html", package.Name).Raw("</li><li><span aria-current=\"page\">").Text(revision.Version).Raw("</span>");
        html.Raw("</li></ol></nav>\n<article class=\"package\">\n<header class=\"package-head\">")
            .Raw(PlaceholderIcon.Svg(package.Name, 64))
            .Raw("<div><h1>").Text(package.Name).Raw("</h1>\n<p class=\"version\">Version <strong>").Text(revision.Version)
            .Raw("</strong> · revision ").Text(revision.ReleaseVersion.ToString(CultureInfo.InvariantCulture));
        if (revision.Framework) html.Raw(" <span class=\"badge\">Framework</span>");
        if (revision.Selected) html.Raw(" <span class=\"badge\">Selected</span>");
        if (revision.HasKnownIssues) html.Raw(" <span class=\"badge warn\">Known issues</span>");
        html.Raw("</p></div></header>\n");
        if (!isLatest)
        {
            html.Raw("<p class=\"notice\">This is an older version. The latest is ")
                .SiteLink("index.html", $"{package.Name} {package.Latest.Version}").Raw(".</p>\n");
        }
        if (revision.Problems.Count > 0)
        {
            html.Raw("<div class=\"notice warn\"><p>Some files of this revision could not be read:</p><ul>");
            foreach (var problem in revision.Problems) html.Raw("<li>").Text(problem).Raw("</li>");
            html.Raw("</ul></div>\n");
        }
        html.Raw("<div class=\"description\">").Raw(SafeMarkdownHtml.ToHtml(revision.Description, headingShift: 2)).Raw("</div>\n");

        Facts(html, revision);
        InstallSection.Write(html, site, revision);
        VersionTable.Excerpt(html, package, revision);
        PackageSections.Notes(html, revision);
        if (!string.IsNullOrWhiteSpace(revision.Readme))
        {
            html.Raw("<section aria-labelledby=\"readme\"><h2 id=\"readme\">README</h2>\n<div class=\"readme\">")
                .Raw(SafeMarkdownHtml.ToHtml(revision.Readme, headingShift: 2)).Raw("</div></section>\n");
        }
        PackageSections.Options(html, revision);
        PackageSections.Descriptors(html, revision);
        PackageSections.Cli(html, revision);
        PackageSections.Resources(html, revision);

        html.Raw("<section aria-labelledby=\"files\"><h2 id=\"files\">JSON files</h2><ul>")
            .Raw("<li>").SiteLink(root + SitePaths.PackageJson(package.Name), SitePaths.PackageJson(package.Name))
            .Raw(" — every revision of this package</li>")
            .Raw("<li>").RepositoryFile(site, root, SitePaths.IndexJson).Raw(" — the condensed index of the repository</li>")
            .Raw("</ul></section>\n</article>\n");
        PageLayout.End(html, site, page);
        return html.ToString();
    }

    private static void Facts(HtmlWriter html, SiteRevision revision)
    {
        html.Raw("<dl class=\"facts\">\n");
        Fact(html, "Maintainer", revision.Maintainer);
        if (revision.Licenses.Count > 0)
        {
            html.Raw("<dt>Licenses</dt><dd>");
            for (var i = 0; i < revision.Licenses.Count; i++)
            {
                if (i > 0) html.Raw(", ");
                var license = revision.Licenses[i];
                if (license.Url is { } url) html.Link(url, license.Name);
                else html.Text(license.Name);
            }
            html.Raw("</dd>\n");
        }
        if (revision.Website is { } website) html.Raw("<dt>Website</dt><dd>").Link(website).Raw("</dd>\n");
        if (revision.Scm is { } scm) html.Raw("<dt>Source</dt><dd>").Link(scm).Raw("</dd>\n");
        Fact(html, "Packaging version", revision.PackagingVersion);
        Fact(html, "Minimum DC/OS version", revision.MinDcosReleaseVersion ?? "any");
        if (revision.Tags.Count > 0)
        {
            html.Raw("<dt>Tags</dt><dd><ul class=\"tags\">");
            foreach (var tag in revision.Tags) html.Raw("<li>").Text(tag).Raw("</li>");
            html.Raw("</ul></dd>\n");
        }
        Fact(html, "Last updated", Date(revision.LastUpdated));
        if (revision.UpgradesFrom.Count > 0) Fact(html, "Upgrades from", string.Join(", ", revision.UpgradesFrom));
        if (revision.DowngradesTo.Count > 0) Fact(html, "Downgrades to", string.Join(", ", revision.DowngradesTo));
        html.Raw("</dl>\n");
    }

    private static void Fact(HtmlWriter html, string term, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        html.Raw("<dt>").Text(term).Raw("</dt><dd>").Text(value).Raw("</dd>\n");
    }

    /// <summary>A Unix time in seconds as a UTC date (from the package, so the page stays deterministic).</summary>
    internal static string? Date(long? seconds)
    {
        const long max = 253402300799; // 9999-12-31T23:59:59Z
        if (seconds is not { } s || s < 0 || s > max) return null;
        return DateTimeOffset.FromUnixTimeSeconds(s).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
