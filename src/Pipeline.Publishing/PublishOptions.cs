namespace Pipeline.Publishing;

public sealed record PublishOptions
{
    /// <summary>The universe repository root (or anything TreeLocator accepts).</summary>
    public required string Root { get; init; }

    /// <summary>The folder the site, index and repository files go to (the Pages artifact).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The commit published, recorded in index.json and shown on the site.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>Also make a GitHub release (needs a client and a repository).</summary>
    public bool Release { get; init; } = true;

    /// <summary>The GitHub server the repository is on (GITHUB_SERVER_URL), for the addresses of its release and Pages site.</summary>
    public string ServerUrl { get; init; } = PagesAddress.GitHubDotCom;

    /// <summary>Apply universe-baseline.json: findings it accepts do not stop the publication.</summary>
    public bool UseBaseline { get; init; } = true;
}
