using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// Opens a bump as a pull request on the universe: from the branch <c>bump/&lt;name&gt;-&lt;version&gt;</c>
/// in the universe when the token may push there, otherwise in the token's fork of it (created or
/// reused). Running again for the same version updates the same branch and pull request.
/// </summary>
public sealed class BumpPullRequest(GitHubApi github)
{
    /// <exception cref="Pipeline.GitHub.Errors.GitHubReportException">GitHub refused or could not be reached.</exception>
    public Task<BumpPullRequestResult> PublishAsync(RepositorySlug universe, BumpPlan plan, ValidationReport validation, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"seam: implemented by the bump-github work ({github})");
}
