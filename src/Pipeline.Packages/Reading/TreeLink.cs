namespace Pipeline.Packages;

/// <summary>
/// Whether a link in the tree may be followed: only when its final target exists inside the tree
/// root. Used for what the tree reader does not list itself (the packages folder, universe.yaml);
/// entries below packages/ are checked as they are listed.
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
        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"link `{shown}` cannot be resolved ({e.Message}); it is not followed";
        }
        if (target is null || !target.Exists) return $"link `{shown}` points to `{linkTarget}`, which does not exist; it is not followed";
        var rootWithSeparator = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(target.FullName).StartsWith(rootWithSeparator, StringComparison.Ordinal)
            ? null
            : $"link `{shown}` points to `{linkTarget}`, outside the repository; it is not followed";
    }
}
