namespace Pipeline.Changes.Upgrades;

/// <summary>
/// What changes for operators of a package when they upgrade from one revision to the next: the
/// diff of every descriptor, both rendered with the options the previous revision's operators have
/// (its defaults, and placeholders for its required options), as <c>helm diff</c> shows a release.
/// </summary>
public sealed record RevisionDiff(
    string Package,
    int PreviousRevision,
    string? PreviousVersion,
    int NextRevision,
    string? NextVersion,
    IReadOnlyList<DescriptorDiff> Descriptors)
{
    /// <summary>No descriptor renders differently (nor fails to render).</summary>
    public bool Identical => Descriptors.All(d => d.Identical);
}

/// <summary>
/// One descriptor's change, by its output name (<c>marathon.json</c>): a unified diff, or a
/// problem that stands in for it (a side failed to render, the renderings are too different to
/// show), or neither when both sides render the same.
/// </summary>
public sealed record DescriptorDiff(string Name, string? UnifiedDiff, string? Problem, bool Identical);
