namespace Pipeline.GitHub.Checks;

public enum CheckRunConclusion
{
    Success,
    Failure,
    Neutral,
}

/// <param name="Title">The output title shown on the check run page.</param>
/// <param name="Summary">Markdown shown above the annotations; cut to GitHub's 65,535 characters.</param>
public sealed record CheckRunRequest(string Name, string HeadSha, string Title, string Summary)
{
    public Uri? DetailsUrl { get; init; }
}

/// <param name="Batches">How many update requests carried annotations.</param>
public sealed record CheckRunReport(long CheckRunId, int Annotations, int Batches, CheckRunConclusion Conclusion)
{
    /// <summary>Diagnostics past the posting limit, counted in the summary and not annotated.</summary>
    public int NotAnnotated { get; init; }
}
