using Pipeline.Site.Html;
using Pipeline.Site.Model;

namespace Pipeline.Site.Pages;

/// <summary>
/// packages/&lt;name&gt;/versions.html: every version of a package, listed once. Revision pages link
/// here rather than each listing them all, so the site grows linearly with the revisions.
/// </summary>
internal static class VersionsPage
{
    public static string Render(SiteContext site, SitePackage package)
    {
        var path = SitePaths.Versions(package.Name);
        var root = RelativePath.ToRoot(path);
        var page = new PageLayout.Page(path, $"{package.Name} versions · {site.Title}", package.Latest.Description);
        var html = new HtmlWriter();
        PageLayout.Start(html, site, page);
        html.Raw("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol><li>").SiteLink(root + SitePaths.Index, "All packages")
            .Raw("</li><li>").SiteLink("index.html", package.Name)
            .Raw("</li><li><span aria-current=\"page\">Versions</span></li></ol></nav>\n<article class=\"package\">\n<header class=\"package-head\">")
            .Raw(PlaceholderIcon.Svg(package.Name, 64))
            .Raw("<div><h1>").Text(package.Name).Raw("</h1>\n<p class=\"version\">").Text(VersionTable.Count(package)).Raw("</p></div></header>\n")
            .Raw("<section aria-labelledby=\"versions\"><h2 id=\"versions\">Versions</h2>\n");
        VersionTable.Write(html, package, 0, package.Revisions.Count, null, $"All versions of {package.Name}, newest first");
        html.Raw("</section>\n</article>\n");
        PageLayout.End(html, site, page);
        return html.ToString();
    }
}
