using System.Globalization;
using Pipeline.Site.Html;

namespace Pipeline.Site.Pages;

/// <summary>
/// 404.html: what a host such as GitHub Pages serves for a missing path, at whatever depth it was
/// asked for. Relative links would resolve against that path, so this page links from the path of
/// the site's base address instead (site.baseUrl; a base element is ruled out by the policy's base-uri 'none').
/// </summary>
internal static class NotFoundPage
{
    public static string Render(SiteContext site)
    {
        var page = new PageLayout.Page(SitePaths.NotFound, $"Page not found · {site.Title}", null, Root: site.BasePath);
        var html = new HtmlWriter();
        PageLayout.Start(html, site, page);
        html.Raw("<h1>Page not found</h1>\n<p class=\"lead\">There is no page at this address on ").Text(site.Title)
            .Raw(". The package or version may have been renamed or removed, or the link may be mistyped.</p>\n")
            .Raw("<p>").SiteLink(site.BasePath + SitePaths.Index, "The home page")
            .Text($" lists all {site.PackageCount.ToString(CultureInfo.InvariantCulture)} packages and searches them by name, tag or description.")
            .Raw("</p>\n");
        PageLayout.End(html, site, page);
        return html.ToString();
    }
}
