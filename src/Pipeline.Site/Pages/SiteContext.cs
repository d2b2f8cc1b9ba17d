using Pipeline.Site.Html;

namespace Pipeline.Site.Pages;

/// <summary>What every page needs to know about the whole site. <see cref="BaseUrl"/> ends with '/'.</summary>
internal sealed record SiteContext(string Title, string? Description, string? SourceCommit, int PackageCount, string BaseUrl, SiteRelease? Release, string RepositoryName)
{
    /// <summary>
    /// The base's path on its host: what the 404 page links from. It is served from the site's own
    /// host, where a path is same-origin for the policy even if the base names another (github.io
    /// redirecting to a custom domain).
    /// </summary>
    public string BasePath => SafeUrl.IsWebAddress(BaseUrl) ? new Uri(BaseUrl).AbsolutePath : BaseUrl;

    /// <summary>The address of the site's index.json, when the site knows its own absolute address.</summary>
    public string? IndexUrl => SafeUrl.IsWebAddress(BaseUrl) ? BaseUrl + SitePaths.IndexJson : null;
}
