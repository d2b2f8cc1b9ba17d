namespace Pipeline.GitHub.GitData;

/// <summary>What <see cref="GitDataApi.ProposeAsync"/> did to the branch.</summary>
/// <param name="Head">The branch's head commit after the run.</param>
/// <param name="BranchCreated">The branch was made (false: an existing one was moved or already held the change).</param>
/// <param name="CommitCreated">A new commit was made (false: the branch already held exactly these files on that base).</param>
public sealed record BranchUpdate(string Head, bool BranchCreated, bool CommitCreated);
