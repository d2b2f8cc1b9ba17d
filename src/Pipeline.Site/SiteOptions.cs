namespace Pipeline.Site;

public sealed record SiteOptions
{
    /// <summary>The site's title; defaults to universe.yaml's site title, then the repository name.</summary>
    public string? Title { get; init; }

    /// <summary>The commit the tree was read from, shown in every page's footer.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>Worker threads for reading revisions and writing pages; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
