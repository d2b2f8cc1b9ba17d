namespace Pipeline.Action.Reports;

/// <summary>
/// A file path as a report carries it (<c>file</c>, <c>repositoryFile</c>): relative, with '/'
/// between plain segments. A report file may be forged, and a path with <c>..</c> in it would
/// move a link out of the repository (<c>blob/sha/../../../../evil/repo</c> is github.com/evil/repo).
/// </summary>
internal static class ReportedPath
{
    /// <summary>
    /// Why the path cannot be a file of the repository (absolute, an empty, <c>.</c> or <c>..</c>
    /// segment); null when it can. Git stores no such path, so no run of ours reports one.
    /// </summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0) return "is empty";
        if (path[0] == '/' || Path.IsPathRooted(path)) return "is absolute";
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return $"has a `{segment}` segment";
        }
        return null;
    }

    /// <summary>
    /// Whether a link to the file may be made: a repository path, and no backslash or control
    /// character either (Git allows them in names, so they are shown, but a browser may read a
    /// backslash as '/' and a control character is never part of a URL).
    /// </summary>
    public static bool CanLink(string path) =>
        Problem(path) is null && !path.Contains('\\', StringComparison.Ordinal) && !path.Any(char.IsControl);
}
