using Pipeline.Site.Html;

namespace Pipeline.Site.Pages;

/// <summary>
/// Links to the repository files the build writes beside the site: to the copies in the release
/// the site was published with when it has one (where the DC/OS files are gzipped), else to the
/// site's own. A release's files do not change; the site's are replaced by the next publication.
/// </summary>
internal static class RepositoryFileLinks
{
    public static HtmlWriter RepositoryFile(this HtmlWriter html, SiteContext site, string root, string file)
    {
        if (site.Release is { } release)
        {
            foreach (var name in (string[])[file, file + ".gz"])
            {
                if (release.Files.Contains(name, StringComparer.Ordinal)) return html.SiteLink(release.DownloadUrl + Uri.EscapeDataString(name), name);
            }
        }
        return html.SiteLink(root + file, file);
    }
}
