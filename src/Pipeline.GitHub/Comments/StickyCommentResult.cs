namespace Pipeline.GitHub.Comments;

public enum StickyCommentAction
{
    Created,
    Updated,
    /// <summary>Our comment already said exactly this; nothing was sent.</summary>
    Unchanged,
}

/// <param name="Note">Something the caller may want to log, e.g. that older duplicates were left alone.</param>
public sealed record StickyCommentResult(long CommentId, StickyCommentAction Action, bool Truncated, int Duplicates, string? Note);
