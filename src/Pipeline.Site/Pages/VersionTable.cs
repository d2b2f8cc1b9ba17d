using System.Globalization;
using Pipeline.Site.Html;
using Pipeline.Site.Model;

namespace Pipeline.Site.Pages;

/// <summary>
/// The table of a package's versions, newest first. The version list page shows every row; a
/// revision page shows only the rows around its own, so a page's size does not grow with the
/// number of revisions (all versions on every page made the site quadratic in revisions).
/// </summary>
internal static class VersionTable
{
    /// <summary>How many newer and older neighbours a revision page lists beside its own row.</summary>
    public const int Neighbours = 2;

    /// <summary>Pages that link to revisions sit in the package's folder, beside them.</summary>
    public static string Href(SitePackage package, SiteRevision revision) =>
        ReferenceEquals(revision, package.Latest) ? "index.html" : $"{revision.ReleaseVersion}.html";

    public static void Write(HtmlWriter html, SitePackage package, int first, int count, SiteRevision? current, string caption)
    {
        html.Raw("<div class=\"table-wrap\"><table class=\"versions\">")
            .Raw("<caption>").Text(caption).Raw("</caption>\n")
            .Raw("<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Revision</th><th scope=\"col\">Packaging version</th><th scope=\"col\">Minimum DC/OS</th><th scope=\"col\">Updated</th></tr></thead>\n<tbody>\n");
        for (var i = first; i < first + count; i++)
        {
            var revision = package.Revisions[i];
            html.Raw("<tr><th scope=\"row\">");
            if (ReferenceEquals(revision, current)) html.Raw("<span aria-current=\"page\">").Text(revision.Version).Raw("</span>");
            else html.SiteLink(Href(package, revision), revision.Version);
            html.Raw("</th><td>").Text(revision.ReleaseVersion.ToString(CultureInfo.InvariantCulture))
                .Raw("</td><td>").Text(revision.PackagingVersion)
                .Raw("</td><td>").Text(revision.MinDcosReleaseVersion ?? "any")
                .Raw("</td><td>").Text(PackagePage.Date(revision.LastUpdated))
                .Raw("</td></tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }

    /// <summary>A revision page's excerpt: its own row and up to <see cref="Neighbours"/> on either side, with a link to the full list.</summary>
    public static void Excerpt(HtmlWriter html, SitePackage package, SiteRevision current)
    {
        var index = IndexOf(package, current);
        var first = Math.Max(0, index - Neighbours);
        var count = Math.Min(package.Revisions.Count, index + Neighbours + 1) - first;
        html.Raw("<section aria-labelledby=\"versions\"><h2 id=\"versions\">Versions</h2>\n");
        var caption = count == package.Revisions.Count
            ? $"All versions of {package.Name}, newest first"
            : $"Versions of {package.Name} around this one, newest first";
        Write(html, package, first, count, current, caption);
        html.Raw("<p class=\"all-versions\">").SiteLink(SitePaths.VersionsFile, AllVersions(package)).Raw("</p>\n</section>\n");
    }

    public static string AllVersions(SitePackage package) =>
        package.Revisions.Count == 1 ? "The version list" : string.Create(CultureInfo.InvariantCulture, $"All {package.Revisions.Count} versions");

    public static string Count(SitePackage package) =>
        package.Revisions.Count == 1 ? "1 version" : string.Create(CultureInfo.InvariantCulture, $"{package.Revisions.Count} versions");

    // Revisions are sorted newest first by release version, which is unique within a package.
    private static int IndexOf(SitePackage package, SiteRevision current)
    {
        int low = 0, high = package.Revisions.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var version = package.Revisions[middle].ReleaseVersion;
            if (version == current.ReleaseVersion) return middle;
            if (version > current.ReleaseVersion) low = middle + 1;
            else high = middle - 1;
        }
        return 0;
    }
}
