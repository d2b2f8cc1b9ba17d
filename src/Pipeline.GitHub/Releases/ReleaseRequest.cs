namespace Pipeline.GitHub.Releases;

public sealed record ReleaseRequest(string Tag, string Name, string Body, IReadOnlyList<ReleaseFile> Assets)
{
    /// <summary>The commit or branch the tag is made on when GitHub creates it; the default branch when null.</summary>
    public string? TargetCommitish { get; init; }
}

public enum ReleaseAction
{
    /// <summary>A published release with this tag already carried every asset: nothing was sent.</summary>
    Unchanged,
    /// <summary>A new draft was made, filled and published.</summary>
    Created,
    /// <summary>A draft left by an earlier, failed run was filled and published.</summary>
    CompletedDraft,
    /// <summary>The published release lacked assets or had different ones; they were uploaded.</summary>
    RepairedPublished,
}

/// <param name="Uploaded">Asset names sent in this run.</param>
/// <param name="Replaced">Asset names whose older copy was deleted first.</param>
public sealed record ReleaseOutcome(ReleaseAction Action, long ReleaseId, string HtmlUrl, IReadOnlyList<string> Uploaded, IReadOnlyList<string> Replaced);

/// <summary>The newest published release, for the caller to compare, e.g., an index digest in its body.</summary>
public sealed record LatestRelease(long Id, string Tag, string? Name, string? Body, string HtmlUrl);
