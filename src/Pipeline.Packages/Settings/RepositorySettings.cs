namespace Pipeline.Packages.Settings;

/// <summary>
/// The settings of a universe repository, from <c>universe.yaml</c> at its root. Every setting is
/// optional; the defaults here are the ones documented in schema/README.md.
/// </summary>
public sealed record RepositorySettings
{
    /// <summary>Repository name; defaults to the root folder's name.</summary>
    public string Name { get; init; } = "universe";
    public string? Description { get; init; }
    public SiteSettings Site { get; init; } = new();
    public PolicySettings Policies { get; init; } = new();
    public IReadOnlyList<UpstreamRepository> Upstreams { get; init; } = [];
}

public sealed record SiteSettings
{
    public string? Title { get; init; }
    public string? BaseUrl { get; init; }
}

public sealed record PolicySettings
{
    /// <summary>Every URL in package files must use https.</summary>
    public bool HttpsOnly { get; init; }

    /// <summary>Package files must be ASCII, as Universe's own tooling requires.</summary>
    public bool AsciiOnly { get; init; } = true;

    /// <summary>The pull-request label that allows changing a released revision.</summary>
    public string AllowEditLabel { get; init; } = "allow-edit";

    /// <summary>
    /// Who may bump which packages (<c>universe bump</c>, action mode <c>bump</c>); empty = anyone
    /// may. See <see cref="BumpPolicy"/>.
    /// </summary>
    public IReadOnlyList<BumpRule> Bump { get; init; } = [];

    /// <summary>
    /// Whether universe.yaml writes <c>policies.bump</c> at all. When it does, bumps are limited to
    /// what its entries allow even if none of them could be read (or the list is empty), so a
    /// mistake in the policy never lets everyone bump everything.
    /// </summary>
    public bool BumpDeclared { get; init; }

    /// <summary>The line of <c>policies.bump</c> in universe.yaml (1-based; 0 when it has none), where findings about the policy point.</summary>
    public int BumpLine { get; init; }
}

public sealed record UpstreamRepository(string Name, string Url, int Priority);
