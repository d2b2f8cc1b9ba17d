using System.Text.RegularExpressions;

namespace Pipeline.Repositories.Configuration;

/// <summary>
/// The configured repositories, immutable. <see cref="ByPriority"/> is the resolution order: the
/// highest priority first, ties in the order they were added.
/// </summary>
public sealed partial class RepositoryConfig
{
    public static RepositoryConfig Empty { get; } = new([]);

    public RepositoryConfig(IReadOnlyList<RepositoryEntry> repositories) => Repositories = repositories;

    /// <summary>In file order (the order they were added).</summary>
    public IReadOnlyList<RepositoryEntry> Repositories { get; }

    public IReadOnlyList<RepositoryEntry> ByPriority =>
        Repositories.Select((entry, index) => (entry, index))
            .OrderByDescending(p => p.entry.Priority).ThenBy(p => p.index)
            .Select(p => p.entry).ToArray();

    public RepositoryEntry? Find(string name) => Repositories.FirstOrDefault(r => r.Name == name);

    /// <summary>This configuration with <paramref name="entry"/> appended, or null with the reason it cannot be.</summary>
    public RepositoryConfig? Add(RepositoryEntry entry, out string? problem)
    {
        problem = NameProblem(entry.Name);
        if (problem is null && Find(entry.Name) is not null) problem = $"a repository named `{entry.Name}` already exists; remove it first";
        if (problem is null && string.IsNullOrWhiteSpace(entry.Location)) problem = "the location is empty";
        return problem is null ? new RepositoryConfig([.. Repositories, entry]) : null;
    }

    /// <summary>This configuration without the repository <paramref name="name"/>, or null when there is none.</summary>
    public RepositoryConfig? Remove(string name) =>
        Find(name) is null ? null : new RepositoryConfig(Repositories.Where(r => r.Name != name).ToArray());

    /// <summary>Why <paramref name="name"/> cannot name a repository, or null when it can.</summary>
    public static string? NameProblem(string name) => NamePattern().IsMatch(name)
        ? null
        : $"`{name}` is not a valid repository name: use letters, digits, '.', '_' and '-', starting with a letter or digit";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
