namespace Pipeline.Site;

public sealed record SiteOptions
{
    /// <summary>The site's title; defaults to universe.yaml's site title, then the repository name.</summary>
    public string? Title { get; init; }

    /// <summary>The commit the tree was read from, shown in every page's footer.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>
    /// Where the site is served: an http(s) URL or a path from the host's root ("/my-universe/");
    /// defaults to universe.yaml's site.baseUrl, then "/". Pages link relatively and need none; the
    /// 404 page, which a host serves at any missing path whatever its depth, links from its path, and
    /// an http(s) URL gives package pages the <c>universe repo add</c> line.
    /// </summary>
    public string? BaseUrl { get; init; }

    /// <summary>The release the site is published with: pages link to its copies of the repository files rather than the site's own.</summary>
    public SiteRelease? Release { get; init; }

    /// <summary>Worker threads for reading revisions and writing pages; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
