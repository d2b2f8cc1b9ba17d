using Pipeline.Site.Html;
using Pipeline.Site.Model;

namespace Pipeline.Site.Pages;

/// <summary>
/// index.html: every package, listed in the HTML itself so the page reads without JavaScript;
/// search.js only filters this list (the search form stays hidden until the script shows it).
/// </summary>
internal static class IndexPage
{
    public static string Render(SiteContext site, IReadOnlyList<SitePackage> packages)
    {
        var page = new PageLayout.Page(SitePaths.Index, site.Title, site.Description, WithSearch: true);
        var html = new HtmlWriter();
        PageLayout.Start(html, site, page);
        html.Raw("<h1>").Text(site.Title).Raw("</h1>\n");
        if (!string.IsNullOrWhiteSpace(site.Description)) html.Raw("<p class=\"lead\">").Text(site.Description).Raw("</p>\n");

        html.Raw("<form id=\"search\" class=\"search\" role=\"search\" hidden>\n")
            .Raw("<label for=\"q\">Search packages</label>\n")
            .Raw("<input type=\"search\" id=\"q\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"Name, tag or description\" aria-describedby=\"search-status\" aria-controls=\"packages\">\n")
            .Raw("</form>\n")
            .Raw("<p id=\"search-status\" class=\"status\" role=\"status\" aria-live=\"polite\">")
            .Text($"{packages.Count} packages, {packages.Sum(p => p.Revisions.Count)} versions.")
            .Raw("</p>\n");

        html.Raw("<ul id=\"packages\" class=\"packages\" data-index=\"").Raw(SitePaths.SearchIndex).Raw("\">\n");
        foreach (var package in packages) Item(html, package);
        html.Raw("</ul>\n<p id=\"no-results\" class=\"status\" hidden>No package matches your search.</p>\n");

        PageLayout.End(html, site, page);
        return html.ToString();
    }

    private static void Item(HtmlWriter html, SitePackage package)
    {
        var latest = package.Latest;
        html.Raw("<li id=\"p-").Text(package.Name).Raw("\" data-name=\"").Text(package.Name).Raw("\"><div class=\"card-head\">")
            .Raw("<a class=\"card-link\" href=\"").Text(SitePaths.Package(package.Name)).Raw("\">")
            .Raw(PlaceholderIcon.Svg(package.Name, 40))
            .Raw("<span class=\"name\">").Text(package.Name).Raw("</span></a>")
            .Raw(" <span class=\"version\" title=\"Latest version\">").Text(latest.Version).Raw("</span>");
        if (latest.Selected) html.Raw(" <span class=\"badge\">Selected</span>");
        html.Raw("</div>\n<p class=\"desc\">").Text(PageLayout.Shorten(latest.Description, 300)).Raw("</p>");
        if (latest.Tags.Count > 0)
        {
            html.Raw("<ul class=\"tags\" aria-label=\"Tags\">");
            foreach (var tag in latest.Tags) html.Raw("<li>").Text(tag).Raw("</li>");
            html.Raw("</ul>");
        }
        html.Raw("</li>\n");
    }
}
