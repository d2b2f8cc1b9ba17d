using Pipeline.Bumping.Assets;
using Pipeline.Bumping.GitHub;
using Pipeline.GitHub;

namespace Pipeline.Bumping;

/// <summary>
/// A bump of a universe on GitHub (<c>universe bump --universe</c>, action mode <c>bump</c>): what
/// the check needs of the universe is copied into a temp folder, the bump is planned, written and
/// validated there, and then opened as a pull request (a dry run stops before GitHub is written to).
/// </summary>
public static class UniverseBump
{
    /// <exception cref="Pipeline.GitHub.Errors.GitHubReportException">GitHub refused or could not be reached.</exception>
    /// <exception cref="IOException">The temp folder cannot be written.</exception>
    public static async Task<UniverseBumpResult> RunAsync(GitHubApi github, RepositorySlug universe, BumpRequest request, IAssetFetcher assets, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = Directory.CreateTempSubdirectory("universe-bump-").FullName;
        try
        {
            var downloaded = await UniverseDownload.ReadPackageAsync(github, universe, request.Name, copy, cancellationToken).ConfigureAwait(false);
            if (downloaded.Letter is null)
            {
                return new UniverseBumpResult(BumpOutcome.Refuse($"{universe} has no package `{Planning.PackageFolder.Shown(request.Name)}` on {downloaded.BaseBranch}"), null);
            }
            // The copy is ours: the revision is written into it even for a dry run, and the pull request carries it.
            var outcome = await Bumper.BumpAsync(request with { DryRun = false }, copy, assets, time, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded || request.DryRun)
            {
                return new UniverseBumpResult(outcome.Status == BumpStatus.Written ? outcome with { Status = BumpStatus.Planned } : outcome, null);
            }
            var pullRequest = await new BumpPullRequest(github).PublishAsync(universe, outcome.Plan!, outcome.Validation!, cancellationToken).ConfigureAwait(false);
            return new UniverseBumpResult(outcome, pullRequest);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

/// <summary>What a bump of a universe on GitHub did: the bump, and the pull request when one was opened or updated.</summary>
public sealed record UniverseBumpResult(BumpOutcome Outcome, BumpPullRequestResult? PullRequest);
