namespace Pipeline.Changes.Bumps;

/// <summary>
/// A pull request that says it is a bump (its body has <see cref="BumpMetadata"/>), and what the
/// check decided: allowed, or refused and why (the UNI412 findings say where).
/// </summary>
/// <param name="Author">The pull request's author, as GitHub gave it; null when the event did not say.</param>
/// <param name="Reason">The sentence of the decision: policies.bump's verdict, or the first mismatch found.</param>
/// <param name="PolicySource">Where policies.bump was read: the base branch's universe.yaml, or the head's when the base is not known.</param>
public sealed record PullRequestBump(BumpMetadata Metadata, string? Author, bool Allowed, string Reason, string PolicySource)
{
    /// <summary>One line for the report, e.g. "Bump of `kafka` 2.0.1 from acme/kafka by acme-release-bot: allowed — policies.bump allows … (policies.bump read from …)."</summary>
    public string Summary =>
        $"Bump of `{Metadata.Package}` {Metadata.Version}{(Metadata.Repository is { } r ? $" from {r}" : "")}{(Author is { } a ? $" by {a}" : "")}: "
        + $"{(Allowed ? "allowed" : "refused")} — {Reason} (policies.bump read from {PolicySource}).";
}
