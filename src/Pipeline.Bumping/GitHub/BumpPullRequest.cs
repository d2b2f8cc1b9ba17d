using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.GitData;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// Opens a bump as a pull request on the universe: from the branch <c>bump/&lt;name&gt;-&lt;version&gt;</c>
/// in the universe when the token may push there, otherwise in the token's fork of it (created or
/// reused). Running again for the same version updates the same branch and pull request. The
/// branch is owned by the bump: it is moved (forced) to one commit on the universe's current
/// default branch, made in the head repository (a fork shares its network's objects), and not
/// moved at all when it already holds exactly these files on that commit.
/// </summary>
public sealed class BumpPullRequest(GitHubApi github)
{
    public static string BranchName(BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return GitDataApi.BranchName("bump", plan.Name, plan.Version);
    }

    /// <exception cref="Pipeline.GitHub.Errors.GitHubReportException">
    /// GitHub refused or could not be reached; the default branch already has the revision; the
    /// token may not push and cannot fork (an installation token), or its user's same-named
    /// repository is not a fork of the universe.
    /// </exception>
    /// <exception cref="ArgumentException">A file of the plan is named with a path that would leave the revision folder.</exception>
    public async Task<BumpPullRequestResult> PublishAsync(RepositorySlug universe, BumpPlan plan, ValidationReport validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(plan);
        var files = plan.Files.Select(f => RevisionPath.Problem(f.Name) is { } problem
                ? throw new ArgumentException($"The plan names a file {UniverseDownload.Quoted(f.Name)}, which is refused: {problem}", nameof(plan))
                : new TreeFile($"{plan.Directory}/{f.Name}", f.Name, f.Content))
            .ToArray();
        var facts = await github.Repositories.FindAsync(universe, cancellationToken).ConfigureAwait(false)
            ?? throw new GitHubReportException($"{universe} does not exist, or the token cannot see it.");
        var git = github.GitData;
        var baseBranch = facts.DefaultBranch;
        var baseSha = await git.BranchHeadAsync(universe, baseBranch, cancellationToken).ConfigureAwait(false);
        var baseCommit = await git.CommitAsync(universe, baseSha, cancellationToken).ConfigureAwait(false);
        await EnsureRevisionIsFreeAsync(universe, plan, baseBranch, cancellationToken).ConfigureAwait(false);

        var fork = facts.CanPush ? null : await github.Repositories.ForkAsync(universe, cancellationToken).ConfigureAwait(false);
        var headRepository = fork?.Slug ?? universe;
        var branch = BranchName(plan);
        var update = await git.ProposeAsync(headRepository, branch, baseCommit, files, BumpPullRequestBody.CommitMessage(plan), cancellationToken).ConfigureAwait(false);
        var pull = await github.PullRequests.OpenOrUpdateAsync(
            universe, branch, baseBranch, BumpPullRequestBody.Title(plan), BumpPullRequestBody.Build(plan, validation), fork?.Slug.Owner, cancellationToken).ConfigureAwait(false);
        return new BumpPullRequestResult(headRepository, branch, baseBranch, fork is not null, fork?.Created ?? false, update.Head, update.CommitCreated, pull.Number, pull.HtmlUrl, pull.Created);
    }

    /// <summary>Refuses when the default branch already has the revision folder (or a later one): someone merged meanwhile.</summary>
    private async Task EnsureRevisionIsFreeAsync(RepositorySlug universe, BumpPlan plan, string baseBranch, CancellationToken cancellationToken)
    {
        var taken = await github.GitData.NumberedFoldersFromAsync(universe, plan.PackageDirectory, baseBranch, plan.Revision, cancellationToken).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            throw new GitHubReportException(
                $"{universe}'s {baseBranch} already has {plan.PackageDirectory}/{string.Join(", ", taken)}: a revision was merged since the bump read the universe; run the bump again to make the next one");
        }
    }
}
