using Pipeline.GitHub;

namespace Pipeline.Publishing;

/// <summary>
/// Where GitHub Pages serves a repository's site on github.com, as the site's base path when
/// universe.yaml gives none: /&lt;repo&gt;/ for a project site, / for the owner's
/// &lt;owner&gt;.github.io. Unknown elsewhere (GitHub Enterprise Server has its own Pages
/// addresses) and under a custom domain, where site.baseUrl says it.
/// </summary>
public static class PagesAddress
{
    public const string GitHubDotCom = "https://github.com";

    public static string? BasePath(RepositorySlug? repository, string serverUrl)
    {
        if (repository is null || !string.Equals(serverUrl.TrimEnd('/'), GitHubDotCom, StringComparison.OrdinalIgnoreCase)) return null;
        return string.Equals(repository.Name, $"{repository.Owner}.github.io", StringComparison.OrdinalIgnoreCase) ? "/" : $"/{repository.Name}/";
    }
}
