using Pipeline.Repositories.Sources;

namespace Pipeline.Promotion;

/// <summary>
/// Promote <see cref="Name"/>@<see cref="Version"/> from <see cref="Source"/> into the working tree at
/// <see cref="TargetPath"/> (a universe repository root, its packages/ folder or a checkout).
/// </summary>
public sealed record PromotionRequest(string Name, string Version, IPackageSource Source, string TargetPath)
{
    /// <summary>Plan only: read the source and the target, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Validate the written revision, then take it out again whatever the result: the pull-request
    /// mode carries the change on a branch and leaves the working tree as it was.
    /// </summary>
    public bool KeepWorkingTreeClean { get; init; }
}
