using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Resolution;

/// <summary>A configured repository and the source that reads it.</summary>
public sealed record ConfiguredSource(RepositoryEntry Repository, IPackageSource Source);
