using Pipeline.GitHub;

namespace Pipeline.Publishing;

/// <summary>
/// Where GitHub Pages serves a repository's site on github.com, as the site's address when
/// universe.yaml gives none: https://&lt;owner&gt;.github.io/&lt;repo&gt;/ for a project site, the
/// host alone for the repository named &lt;owner&gt;.github.io. Pages redirects these to a custom
/// domain; GitHub Enterprise Server has addresses of its own, so there it is unknown.
/// </summary>
public static class PagesAddress
{
    public const string GitHubDotCom = "https://github.com";

    public static string? SiteUrl(RepositorySlug? repository, string serverUrl)
    {
        if (repository is null || !string.Equals(serverUrl.TrimEnd('/'), GitHubDotCom, StringComparison.OrdinalIgnoreCase)) return null;
        var host = $"https://{repository.Owner.ToLowerInvariant()}.github.io/";
        return string.Equals(repository.Name, $"{repository.Owner}.github.io", StringComparison.OrdinalIgnoreCase) ? host : $"{host}{Uri.EscapeDataString(repository.Name)}/";
    }
}
