namespace Pipeline.Diagnostics.Paths;

/// <summary>
/// Where the universe root (the folder holding <c>packages/</c>) sits inside the repository: a
/// prefix with '/' separators, "" when it is the repository's top and "repo/" for a Universe
/// checkout's repo folder. Diagnostics keep paths relative to the universe root, because change
/// detection and the baseline are keyed by them; what people and GitHub see (annotations, SARIF,
/// the comment) is mapped with this at the presentation boundary, as GitHub finds files by their
/// path in the repository.
/// </summary>
public sealed record RepositoryPaths
{
    private RepositoryPaths(string prefix, string? root)
    {
        Prefix = prefix;
        Root = root;
    }

    /// <summary>"" or a relative folder path ending in '/'; never absolute, never with "..".</summary>
    public string Prefix { get; }

    /// <summary>The absolute folder the mapped paths are relative to, when known (null for a prefix read from a report file).</summary>
    public string? Root { get; }

    /// <summary>No mapping: paths are shown relative to the universe root.</summary>
    public static RepositoryPaths None { get; } = new("", null);

    /// <summary>
    /// The universe root's place in the repository. A universe outside the repository (which
    /// would need ".." paths, which GitHub cannot place) gets no prefix and a notice saying so.
    /// </summary>
    public static RepositoryPaths Of(string universeRoot, string repositoryRoot, out string? notice)
    {
        notice = null;
        var universe = Path.TrimEndingDirectorySeparator(Path.GetFullPath(universeRoot));
        var repository = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        var relative = Path.GetRelativePath(repository, universe).Replace('\\', '/');
        if (relative == ".") return new("", repository);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal))
        {
            notice = $"the universe folder {universe} is outside the repository {repository}, so paths are shown relative to the universe folder";
            return new("", universe);
        }
        return new(relative + "/", repository);
    }

    /// <summary>
    /// The universe root's place in its Git work tree (the nearest folder above holding
    /// <c>.git</c>, a folder or a worktree's file); a tree not in Git gets no prefix.
    /// </summary>
    public static RepositoryPaths FromGit(string universeRoot)
    {
        var universe = Path.GetFullPath(universeRoot);
        for (var folder = new DirectoryInfo(universe); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return Of(universe, folder.FullName, out _);
        }
        return new("", Path.TrimEndingDirectorySeparator(universe));
    }

    /// <summary>
    /// A prefix as a report file stores it. The file may come from an untrusted run, so anything
    /// but a plain relative folder path (absolute, "..", empty segments) is refused as no prefix.
    /// </summary>
    public static RepositoryPaths FromPrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix)) return None;
        var trimmed = prefix.Replace('\\', '/').TrimEnd('/');
        var segments = trimmed.Split('/');
        if (prefix.StartsWith('/') || segments.Any(s => s.Length == 0 || s == "." || s == "..") || trimmed.Contains(':')) return None;
        return new(trimmed + "/", null);
    }

    /// <summary>A universe-relative path as a repository-relative one (null stays null).</summary>
    public string? ToRepository(string? path)
    {
        if (path is null || Prefix.Length == 0) return path;
        // A changed file outside the universe folder is "../x" from it (see GitChangeReader).
        // '/' is the only separator: a backslash is part of a name (see PortablePath).
        return Normalize(Prefix + path.TrimStart('/'));
    }

    public Diagnostic ToRepository(Diagnostic diagnostic) =>
        Prefix.Length == 0 ? diagnostic : diagnostic with { File = ToRepository(diagnostic.File) };

    /// <summary>
    /// A repository-relative path (GitHub's pull request file list) as a universe-relative one;
    /// a path outside the universe folder comes out as "../…", which no package path matches.
    /// </summary>
    public string ToUniverse(string repositoryPath)
    {
        var path = repositoryPath.TrimStart('/');
        if (Prefix.Length == 0) return path;
        if (path.StartsWith(Prefix, StringComparison.Ordinal)) return path[Prefix.Length..];
        var up = string.Concat(Enumerable.Repeat("../", Prefix.Count(c => c == '/')));
        return up + path;
    }

    /// <summary>"a/b/../c" → "a/c"; a path that would leave the repository is kept as it is.</summary>
    private static string Normalize(string path)
    {
        if (!path.Contains("..", StringComparison.Ordinal)) return path;
        var kept = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment != "..") kept.Add(segment);
            else if (kept.Count > 0) kept.RemoveAt(kept.Count - 1);
            else return path;
        }
        return string.Join('/', kept);
    }
}
