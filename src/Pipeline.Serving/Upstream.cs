using Pipeline.Repositories.Configuration;

namespace Pipeline.Serving;

/// <summary>
/// A configured repository served through this one: its name and the address fetched for it,
/// whose content says what it is (<see cref="Upstreams.UpstreamKind"/>): our <c>index.json</c>, with
/// its <c>package/&lt;name&gt;.json</c> and <c>repo-up-to-&lt;release&gt;.json</c> files beside it, or a
/// DC/OS repository (a <c>repo-up-to-X.json</c>, <c>universe.json</c>, or a <c>/repo</c> endpoint),
/// which holds everything in the one file.
/// </summary>
public sealed record Upstream(string Name, Uri Address)
{
    /// <summary>
    /// The upstream for a configured http(s) or file URL (a folder URL means the index.json in it);
    /// null for other locations (a package tree on disk), which are not served.
    /// </summary>
    public static Upstream? For(RepositoryEntry entry)
    {
        if (!Uri.TryCreate(entry.Location, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https" or "file")) return null;
        if (address.IsFile && Directory.Exists(address.LocalPath)) return null;
        return new Upstream(entry.Name, address.AbsolutePath.EndsWith('/') ? new Uri(address, "index.json") : address);
    }
}
