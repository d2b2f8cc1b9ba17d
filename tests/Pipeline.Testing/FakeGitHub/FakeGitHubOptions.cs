namespace Pipeline.Testing.FakeGitHub;

/// <summary>How a <see cref="FakeGitHubServer"/> behaves; the defaults are GitHub.com's.</summary>
public sealed record FakeGitHubOptions
{
    /// <summary>When set, every API request must send <c>Authorization: token …</c> or <c>Bearer …</c> with it.</summary>
    public string? Token { get; init; }

    /// <summary>Who the token is: the author of every comment created through the server.</summary>
    public string Login { get; init; } = "github-actions[bot]";

    /// <summary>
    /// True for an installation token such as the workflow's GITHUB_TOKEN, for which <c>GET /user</c>
    /// answers 403; false for a personal access token, for which it answers <see cref="Login"/>.
    /// </summary>
    public bool InstallationToken { get; init; } = true;

    /// <summary>How many reads of a new fork's branches answer 404 before the fork is ready (GitHub forks asynchronously).</summary>
    public int ForkNotReadyReads { get; init; }

    /// <summary>GitHub's limit on an issue comment body, in characters.</summary>
    public int MaxCommentLength { get; init; } = 65_536;

    /// <summary>GitHub's cap on the files it lists for one pull request.</summary>
    public int MaxPullRequestFiles { get; init; } = 3_000;
}
