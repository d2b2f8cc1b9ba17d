using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Resolution;

/// <summary>
/// What a reference resolved to: the package in full and its repository, or null with the
/// <see cref="Problem"/> (not found, no such version), plus the repositories that were skipped.
/// </summary>
public sealed record ResolveResult(
    PackageReference Reference,
    PackageDefinition? Package,
    RepositoryEntry? Repository,
    string? Problem,
    IReadOnlyList<RepositoryWarning> Warnings)
{
    public bool Found => Package is not null;

    /// <summary>
    /// Not found because the repository that lists it could not be fetched from (an
    /// infrastructure failure), rather than because no repository has it.
    /// </summary>
    public bool Unreachable => !Found && Repository is not null && Warnings.Any(w => w.Repository == Repository.Name);
}
