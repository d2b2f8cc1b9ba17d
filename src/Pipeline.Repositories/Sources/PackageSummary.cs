namespace Pipeline.Repositories.Sources;

/// <summary>
/// One version of a package as a repository lists it: enough to search, list versions and pick
/// the one to fetch in full. <see cref="ReleaseVersion"/> orders versions (the highest is latest).
/// </summary>
public sealed record PackageSummary(
    string Name,
    string Version,
    int ReleaseVersion,
    string? PackagingVersion,
    string? Description,
    IReadOnlyList<string> Tags,
    bool Framework,
    bool Selected);
