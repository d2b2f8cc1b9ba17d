namespace Pipeline.Packages.Settings;

/// <summary>
/// Decides whether a bump of a package may come from a framework repository (and, for a pull
/// request, from its author) under <c>policies.bump</c>. No entries means bumps are unrestricted.
/// The repository a bump names is a claim anyone can write; an entry's <c>authors</c> are what
/// make it binding, as GitHub sets a pull request's author.
/// </summary>
public static class BumpPolicy
{
    /// <param name="repository">The framework repository (<c>owner/name</c>) the bump says it comes from, or null when unknown.</param>
    /// <param name="author">The pull request's author (login), or null when deciding before a pull request exists.</param>
    public static BumpDecision Decide(PolicySettings policies, string package, string? repository, string? author)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(package);
        if (policies.Bump.Count == 0 && !policies.BumpDeclared) return new BumpDecision(true, "universe.yaml has no policies.bump: any repository may bump any package");
        var covering = policies.Bump.Where(r => r.Packages.Any(p => Matches(p, package))).ToArray();
        if (covering.Length == 0) return new BumpDecision(false, $"policies.bump in universe.yaml names no entry for package `{package}`");
        if (repository is null) return new BumpDecision(false, $"policies.bump allows bumps of `{package}` only from named repositories, and this bump does not say which repository it comes from");
        var fromRepository = covering.Where(r => r.Repositories.Any(x => string.Equals(x, repository, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (fromRepository.Length == 0)
        {
            var allowed = string.Join(", ", covering.SelectMany(r => r.Repositories).Distinct(StringComparer.OrdinalIgnoreCase));
            return new BumpDecision(false, $"policies.bump allows bumps of `{package}` from {(allowed.Length == 0 ? "no repository" : allowed)}, not from {repository}");
        }
        if (author is null || fromRepository.Any(r => r.Authors.Count == 0)) return new BumpDecision(true, $"policies.bump allows {repository} to bump `{package}`");
        if (fromRepository.Any(r => r.Authors.Any(a => string.Equals(a, author, StringComparison.OrdinalIgnoreCase))))
        {
            return new BumpDecision(true, $"policies.bump allows {repository} to bump `{package}` through pull requests by {author}");
        }
        var authors = string.Join(", ", fromRepository.SelectMany(r => r.Authors).Distinct(StringComparer.OrdinalIgnoreCase));
        return new BumpDecision(false, $"policies.bump allows bumps of `{package}` from {repository} only in pull requests by {authors}, and this one is by {author}");
    }

    /// <summary>A name or a glob where <c>*</c> matches any run of characters (names never hold '*').</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        var parts = pattern.Split('*');
        if (parts.Length == 1) return string.Equals(pattern, name, StringComparison.Ordinal);
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        if (end < at) return false;
        foreach (var middle in parts[1..^1])
        {
            var found = name.IndexOf(middle, at, end - at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + middle.Length;
        }
        return true;
    }
}
