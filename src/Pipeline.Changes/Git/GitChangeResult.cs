using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;

namespace Pipeline.Changes.Git;

/// <summary>Why Git could not say what a pull request changes; the caller then uses GitHub's file list.</summary>
public enum GitUnavailableReason
{
    NotARepository,
    ShallowClone,
    BaseNotFound,
    HeadNotFound,
    NoMergeBase,
}

/// <summary>What <see cref="GitChangeReader.Read"/> found: the changes, or why Git cannot tell.</summary>
public abstract record GitChangeResult
{
    private GitChangeResult()
    {
    }

    /// <summary>
    /// The changes from the merge base to the head, and the base view read from the base
    /// branch's commit (its tip, so revisions released after the pull request branched count).
    /// </summary>
    public sealed record Found(ChangeSet Changes, BaseView Base, string BaseSha, string HeadSha, string MergeBaseSha) : GitChangeResult;

    /// <summary>Git cannot tell: fall back to the pull request's file list and <see cref="BaseView.Infer"/>.</summary>
    public sealed record Unavailable(GitUnavailableReason Reason, string Message) : GitChangeResult;
}
