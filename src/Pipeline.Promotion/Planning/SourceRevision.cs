namespace Pipeline.Promotion.Planning;

/// <summary>
/// The revision found in the source: its package name, version and revision number there, and
/// the files to copy. <see cref="Skipped"/> names files of the source folder that are not package
/// files (they are left behind, as the layout rules would refuse them).
/// </summary>
public sealed record SourceRevision(
    string Name,
    string Version,
    int ReleaseVersion,
    string Location,
    IReadOnlyList<PromotionFile> Files,
    IReadOnlyList<string> Skipped);
