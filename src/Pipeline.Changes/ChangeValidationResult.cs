using Pipeline.Changes.Bumps;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Upgrades;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Changes;

/// <summary>
/// What <see cref="ChangeValidation"/> found: the report (touched packages' diagnostics and the
/// change rules), what the pull request does to each package, and the files it changes outside packages/.
/// </summary>
public sealed record ChangeValidationResult(
    ValidationReport Report,
    IReadOnlyList<PackageChange> Packages,
    IReadOnlyList<ChangedFile> OutsidePackages,
    string? AllowedBy,
    bool WholeTree)
{
    /// <summary>The new revisions of existing packages, each with the revision operators upgrade from.</summary>
    public IReadOnlyList<UpgradePair> Upgrades { get; init; } = [];

    /// <summary>The bump the pull request's metadata describes and whether it is allowed; null for an ordinary pull request.</summary>
    public PullRequestBump? Bump { get; init; }

    /// <summary>For each of <see cref="Upgrades"/>, what changes in the rendered descriptors for its operators.</summary>
    public IReadOnlyList<RevisionDiff> DescriptorDiffs { get; init; } = [];
}
