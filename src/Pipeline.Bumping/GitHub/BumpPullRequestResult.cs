using Pipeline.GitHub;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// The pull request a bump opened or updated: the branch in <see cref="HeadRepository"/> (the
/// universe itself, or the token's fork of it when <see cref="ThroughFork"/>), and whether the
/// pull request and the commit are new.
/// </summary>
public sealed record BumpPullRequestResult(
    RepositorySlug HeadRepository,
    string Branch,
    string BaseBranch,
    bool ThroughFork,
    bool ForkCreated,
    string HeadSha,
    bool CommitCreated,
    int Number,
    string Url,
    bool Created);
