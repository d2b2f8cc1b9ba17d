namespace Pipeline.Repositories.Configuration;

/// <summary>The configuration read from a file, or null with the problem (file:line:column: message).</summary>
public sealed record ConfigLoadResult(RepositoryConfig? Config, string? Problem)
{
    public bool Succeeded => Config is not null;
}
