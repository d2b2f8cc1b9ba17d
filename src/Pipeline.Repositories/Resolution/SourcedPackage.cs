using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Resolution;

/// <summary>A package version and the repository it comes from.</summary>
public sealed record SourcedPackage(string Repository, int Priority, PackageSummary Package);
