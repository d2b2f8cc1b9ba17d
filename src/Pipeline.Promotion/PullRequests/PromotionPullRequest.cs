using System.Text.RegularExpressions;
using Octokit;
using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Retries;
using Pipeline.GitHub;
using Pipeline.Promotion.Planning;

namespace Pipeline.Promotion.PullRequests;

/// <summary>
/// Opens a promotion as a pull request on the production repository with the Git Data API: one
/// blob per file, one tree on top of the default branch's, one commit, the branch
/// <c>promote/&lt;name&gt;-&lt;version&gt;</c>, then the pull request. Running again updates the
/// same branch and pull request: the branch is owned by the promotion and is moved (forced) to a
/// fresh commit on the current default branch, so the pull request never shows stale files.
/// </summary>
public sealed partial class PromotionPullRequest(IGitHubClient client, GitHubRetryPolicy retry)
{
    public static string BranchName(PromotionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Git refuses "..", a trailing ".", "~", "^", ":" and spaces in branch names.
        var version = BranchUnsafe().Replace(plan.Version, "-").Replace("..", "-", StringComparison.Ordinal).TrimEnd('.');
        return $"promote/{plan.Name}-{version}";
    }

    /// <exception cref="GitHubReportException">GitHub refused or could not be reached; or the default branch already has the revision.</exception>
    public async Task<PromotionPullRequestResult> PublishAsync(RepositorySlug repo, PromotionPlan plan, ValidationReport? validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(plan);
        var (owner, name) = (repo.Owner, repo.Name);
        var repository = await retry.RunAsync($"read repository {repo}", () => client.Repository.Get(owner, name), cancellationToken).ConfigureAwait(false);
        var baseBranch = repository.DefaultBranch;
        var baseRef = await retry.RunAsync($"read branch {baseBranch} of {repo}", () => client.Repository.Branch.Get(owner, name, baseBranch), cancellationToken).ConfigureAwait(false);
        var baseSha = baseRef.Commit.Sha;
        var baseCommit = await retry.RunAsync($"read commit {baseSha} of {repo}", () => client.Git.Commit.Get(owner, name, baseSha), cancellationToken).ConfigureAwait(false);
        await EnsureRevisionIsFreeAsync(repo, plan, baseBranch, cancellationToken).ConfigureAwait(false);

        var tree = new NewTree { BaseTree = baseCommit.Tree.Sha };
        foreach (var file in plan.Source.Files)
        {
            var blob = await retry.RunAsync($"upload {file.Name} to {repo}",
                () => client.Git.Blob.Create(owner, name, new NewBlob { Content = Convert.ToBase64String(file.Content.Span), Encoding = EncodingType.Base64 }),
                cancellationToken).ConfigureAwait(false);
            tree.Tree.Add(new NewTreeItem { Path = $"{plan.Directory}/{file.Name}", Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        }
        var newTree = await retry.RunAsync($"create a tree on {repo}", () => client.Git.Tree.Create(owner, name, tree), cancellationToken).ConfigureAwait(false);

        var branch = BranchName(plan);
        var existing = await FindBranchAsync(repo, branch, cancellationToken).ConfigureAwait(false);
        string head;
        var commitCreated = false;
        if (existing is not null && await HoldsAsync(repo, existing.Commit.Sha, newTree.Sha, baseSha, cancellationToken).ConfigureAwait(false))
        {
            head = existing.Commit.Sha;
        }
        else
        {
            var commit = await retry.RunAsync($"create a commit on {repo}",
                () => client.Git.Commit.Create(owner, name, new NewCommit(PromotionPullRequestBody.CommitMessage(plan), newTree.Sha, baseSha)), cancellationToken).ConfigureAwait(false);
            head = commit.Sha;
            commitCreated = true;
            if (existing is null)
            {
                await retry.RunAsync($"create branch {branch} on {repo}",
                    () => client.Git.Reference.Create(owner, name, new NewReference($"refs/heads/{branch}", head)), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await retry.RunAsync($"move branch {branch} on {repo}",
                    () => client.Git.Reference.Update(owner, name, $"heads/{branch}", new ReferenceUpdate(head, force: true)), cancellationToken).ConfigureAwait(false);
            }
        }

        var title = PromotionPullRequestBody.Title(plan);
        var body = PromotionPullRequestBody.Build(plan, validation);
        var open = await retry.RunAsync($"list pull requests of {repo}",
            () => client.PullRequest.GetAllForRepository(owner, name, new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{owner}:{branch}", Base = baseBranch }),
            cancellationToken).ConfigureAwait(false);
        PullRequest pull;
        var created = false;
        if (open.FirstOrDefault(p => p.Head?.Ref == branch) is { } current)
        {
            pull = await retry.RunAsync($"update pull request {repo}#{current.Number}",
                () => client.PullRequest.Update(owner, name, current.Number, new PullRequestUpdate { Title = title, Body = body }), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            pull = await retry.RunAsync($"open a pull request on {repo}",
                () => client.PullRequest.Create(owner, name, new NewPullRequest(title, branch, baseBranch) { Body = body }), cancellationToken).ConfigureAwait(false);
            created = true;
        }
        return new PromotionPullRequestResult(branch, baseBranch, head, existing is null, commitCreated, pull.Number, pull.HtmlUrl, created);
    }

    /// <summary>
    /// The working tree the plan was made in may be behind the default branch: refuse when the
    /// default branch already has the revision folder (or a later one) for this package.
    /// </summary>
    private async Task EnsureRevisionIsFreeAsync(RepositorySlug repo, PromotionPlan plan, string baseBranch, CancellationToken cancellationToken)
    {
        IReadOnlyList<RepositoryContent> entries;
        try
        {
            entries = await retry.RunAsync($"list {plan.PackageDirectory} on {repo}",
                () => client.Repository.Content.GetAllContentsByRef(repo.Owner, repo.Name, plan.PackageDirectory, baseBranch), cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException e) when (e.StatusCode == 404)
        {
            return; // a new package there too
        }
        var taken = entries.Where(e => e.Type.Value == ContentType.Dir && int.TryParse(e.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= plan.Revision)
            .Select(e => e.Name).ToArray();
        if (taken.Length > 0)
        {
            throw new GitHubReportException(
                $"{repo}'s {baseBranch} already has {plan.PackageDirectory}/{string.Join(", ", taken)}: the working tree {plan.TargetRoot} is behind; update it and promote again");
        }
    }

    /// <summary>
    /// The branch by its exact name (the branches API: git/refs/{ref} would answer a list of every
    /// reference the name is a prefix of), or null when there is none.
    /// </summary>
    private async Task<Branch?> FindBranchAsync(RepositorySlug repo, string branch, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.RunAsync($"read branch {branch} of {repo}", () => client.Repository.Branch.Get(repo.Owner, repo.Name, branch), cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubReportException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Whether the branch head already is this tree on top of the current default branch.</summary>
    private async Task<bool> HoldsAsync(RepositorySlug repo, string head, string treeSha, string baseSha, CancellationToken cancellationToken)
    {
        var commit = await retry.RunAsync($"read commit {head} of {repo}", () => client.Git.Commit.Get(repo.Owner, repo.Name, head), cancellationToken).ConfigureAwait(false);
        return commit.Tree.Sha == treeSha && commit.Parents.Count == 1 && commit.Parents[0].Sha == baseSha;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex BranchUnsafe();
}
