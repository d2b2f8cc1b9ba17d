using Pipeline.Repositories.Configuration;

namespace Pipeline.Serving;

/// <summary>
/// A configured repository served through this one: its name and the address of its published
/// <c>index.json</c>; its <c>package/&lt;name&gt;.json</c> and <c>repo-up-to-&lt;release&gt;.json</c> files lie beside it.
/// </summary>
public sealed record Upstream(string Name, Uri Index)
{
    /// <summary>The upstream for a configured http(s) index.json (or a folder URL holding one); null for other locations, which are not served.</summary>
    public static Upstream? For(RepositoryEntry entry)
    {
        if (!Uri.TryCreate(entry.Location, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")) return null;
        if (address.AbsolutePath.EndsWith('/')) return new Upstream(entry.Name, new Uri(address, "index.json"));
        return address.AbsolutePath.EndsWith("/index.json", StringComparison.Ordinal) ? new Upstream(entry.Name, address) : null;
    }
}
