namespace Pipeline.GitHub.Repositories;

/// <summary>The token user's fork of a repository, ready to take branches; <see cref="Created"/> when this run made it.</summary>
public sealed record ForkedRepository(RepositorySlug Slug, string Login, string DefaultBranch, bool Created);
