namespace Pipeline.GitHub;

/// <summary>A repository named as <c>owner/name</c>, the form of <c>GITHUB_REPOSITORY</c>.</summary>
public sealed record RepositorySlug(string Owner, string Name)
{
    public static RepositorySlug Parse(string slug)
    {
        var parts = slug.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ArgumentException($"'{slug}' is not a repository in the form owner/name.", nameof(slug));
        return new RepositorySlug(parts[0], parts[1]);
    }

    public override string ToString() => $"{Owner}/{Name}";
}
