namespace Pipeline.Repositories.Resolution;

/// <summary>
/// The union of every reachable repository's matches: one entry per package and repository (its
/// latest version there), by name then priority; and the repositories that were skipped.
/// </summary>
public sealed record SearchResult(IReadOnlyList<SourcedPackage> Packages, IReadOnlyList<RepositoryWarning> Warnings);
