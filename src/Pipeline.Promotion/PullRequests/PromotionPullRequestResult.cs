namespace Pipeline.Promotion.PullRequests;

/// <summary>What <see cref="PromotionPullRequest"/> did on GitHub.</summary>
/// <param name="Commit">The branch's head commit after the run.</param>
/// <param name="BranchCreated">The branch was made (false: an existing one was updated or already held the change).</param>
/// <param name="CommitCreated">A new commit was made (false: the branch already held exactly these files).</param>
/// <param name="PullRequestCreated">The pull request was opened (false: the open one was updated).</param>
public sealed record PromotionPullRequestResult(
    string Branch,
    string BaseBranch,
    string Commit,
    bool BranchCreated,
    bool CommitCreated,
    int Number,
    string Url,
    bool PullRequestCreated);
