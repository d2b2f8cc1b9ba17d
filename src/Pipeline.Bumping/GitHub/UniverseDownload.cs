using Pipeline.GitHub;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// Copies what a bump needs of a universe on GitHub into a local folder, without a clone:
/// universe.yaml and universe-baseline.json when present, and the package's folder (the latest
/// revision whole, package.json of every other revision), from the default branch's head.
/// </summary>
public static class UniverseDownload
{
    /// <exception cref="Pipeline.GitHub.Errors.GitHubReportException">GitHub refused or could not be reached.</exception>
    public static Task<UniverseCopy> ReadPackageAsync(GitHubApi github, RepositorySlug universe, string name, string targetRoot, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("seam: implemented by the bump-github work");
}
