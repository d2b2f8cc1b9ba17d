namespace Pipeline.Repositories.Resolution;

/// <summary>A repository that was skipped because it could not be reached or read, and why.</summary>
public sealed record RepositoryWarning(string Repository, string Message);
