namespace Pipeline.GitHub.Repositories;

/// <summary>
/// What a repository is to the token: its default branch, whether the token may push to it
/// (<c>permissions.push</c>; GitHub leaves permissions out for a token that has none, which is no),
/// and for a fork the repository it was forked from and the root of its network.
/// </summary>
public sealed record RepositoryFacts(RepositorySlug Slug, string DefaultBranch, bool CanPush, bool IsFork, RepositorySlug? Parent, RepositorySlug? Source)
{
    /// <summary>Whether this is a fork of <paramref name="upstream"/> (directly, or of the same network root).</summary>
    public bool IsForkOf(RepositorySlug upstream) =>
        IsFork && (Same(Parent, upstream) || Same(Source, upstream));

    private static bool Same(RepositorySlug? a, RepositorySlug b) =>
        a is not null && string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
}
