namespace Pipeline.Packages.Reading;

/// <summary>
/// Whether a link in the tree may be followed: only when its real target (every link on the way
/// resolved, see <see cref="RealPath"/>) exists inside the tree root and outside its <c>.git</c>
/// folder. Used for what the tree reader does not list itself (the packages folder,
/// universe.yaml); entries below packages/ are checked as they are listed.
/// </summary>
public static class TreeLink
{
    /// <summary>
    /// Null when <paramref name="entry"/> is not a link or its target is inside <paramref name="root"/>;
    /// otherwise why it must not be followed, naming the link by <paramref name="shown"/>.
    /// </summary>
    public static string? Refusal(FileSystemInfo entry, string root, string shown)
    {
        if (entry.LinkTarget is not { } linkTarget) return null;
        if (RealPath.Of(entry.FullName, out var problem) is not { } target)
            return $"link `{shown}` points to `{linkTarget}`, which cannot be resolved ({problem}); it is not followed";
        var realRoot = Path.TrimEndingDirectorySeparator(RealPath.Of(root, out _) ?? Path.GetFullPath(root));
        if (!Inside(target, realRoot))
            return $"link `{shown}` points to `{linkTarget}`, outside the repository; it is not followed";
        // A link to .git/config would publish the job's token with the site.
        return Inside(target, Path.Combine(realRoot, ".git")) || target == Path.Combine(realRoot, ".git")
            ? $"link `{shown}` points to `{linkTarget}`, which points into .git; it is not followed"
            : null;
    }

    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
