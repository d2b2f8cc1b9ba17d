namespace Pipeline.Bumping.GitHub;

/// <summary>
/// What <see cref="UniverseDownload"/> copied: the default branch and its commit the files come
/// from, and the package's letter folder there (null when the universe has no such package).
/// </summary>
public sealed record UniverseCopy(string BaseBranch, string BaseSha, string? Letter);
