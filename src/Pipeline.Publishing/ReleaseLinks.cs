using Pipeline.GitHub;
using Pipeline.Site;

namespace Pipeline.Publishing;

/// <summary>The addresses of a release's page and files on the GitHub server, for the site to link to.</summary>
public static class ReleaseLinks
{
    public static SiteRelease For(string serverUrl, RepositorySlug repository, string tag, IReadOnlyList<string> files)
    {
        var releases = $"{serverUrl.TrimEnd('/')}/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/releases";
        var escaped = Uri.EscapeDataString(tag);
        return new SiteRelease(tag, $"{releases}/tag/{escaped}", $"{releases}/download/{escaped}/", files);
    }
}
