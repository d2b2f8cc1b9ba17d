using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.GitData;
using Pipeline.Promotion.Planning;

namespace Pipeline.Promotion.PullRequests;

/// <summary>
/// Opens a promotion as a pull request on the production repository with the Git Data API: one
/// blob per file, one tree on top of the default branch's, one commit, the branch
/// <c>promote/&lt;name&gt;-&lt;version&gt;</c>, then the pull request. Running again updates the
/// same branch and pull request: the branch is owned by the promotion and is moved (forced) to a
/// fresh commit on the current default branch, so the pull request never shows stale files.
/// </summary>
public sealed class PromotionPullRequest(GitHubApi github)
{
    public static string BranchName(PromotionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return GitDataApi.BranchName("promote", plan.Name, plan.Version);
    }

    /// <exception cref="GitHubReportException">GitHub refused or could not be reached; or the default branch already has the revision.</exception>
    public async Task<PromotionPullRequestResult> PublishAsync(RepositorySlug repo, PromotionPlan plan, ValidationReport? validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(plan);
        var git = github.GitData;
        var baseBranch = await git.DefaultBranchAsync(repo, cancellationToken).ConfigureAwait(false);
        var baseSha = await git.BranchHeadAsync(repo, baseBranch, cancellationToken).ConfigureAwait(false);
        var baseCommit = await git.CommitAsync(repo, baseSha, cancellationToken).ConfigureAwait(false);
        await EnsureRevisionIsFreeAsync(repo, plan, baseBranch, cancellationToken).ConfigureAwait(false);

        var files = plan.Source.Files.Select(f => new TreeFile($"{plan.Directory}/{f.Name}", f.Name, f.Content)).ToArray();
        var branch = BranchName(plan);
        var update = await git.ProposeAsync(repo, branch, baseCommit, files, PromotionPullRequestBody.CommitMessage(plan), cancellationToken).ConfigureAwait(false);

        var pull = await github.PullRequests.OpenOrUpdateAsync(
            repo, branch, baseBranch, PromotionPullRequestBody.Title(plan), PromotionPullRequestBody.Build(plan, validation), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new PromotionPullRequestResult(branch, baseBranch, update.Head, update.BranchCreated, update.CommitCreated, pull.Number, pull.HtmlUrl, pull.Created);
    }

    /// <summary>
    /// The working tree the plan was made in may be behind the default branch: refuse when the
    /// default branch already has the revision folder (or a later one) for this package.
    /// </summary>
    private async Task EnsureRevisionIsFreeAsync(RepositorySlug repo, PromotionPlan plan, string baseBranch, CancellationToken cancellationToken)
    {
        var taken = await github.GitData.NumberedFoldersFromAsync(repo, plan.PackageDirectory, baseBranch, plan.Revision, cancellationToken).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            throw new GitHubReportException(
                $"{repo}'s {baseBranch} already has {plan.PackageDirectory}/{string.Join(", ", taken)}: the working tree {plan.TargetRoot} is behind; update it and promote again");
        }
    }
}
