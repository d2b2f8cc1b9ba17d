namespace Pipeline.Bumping.GitHub;

/// <summary>
/// The one check of a path below a package or revision folder, whether GitHub listed it or a plan
/// names it: relative, '/' separated, no empty, "." or ".." segment, no backslash, colon or NUL,
/// so it can neither climb out of its folder nor mean something else on another system.
/// </summary>
internal static class RevisionPath
{
    /// <summary>Why <paramref name="path"/> is refused, or null when it is fine.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0) return "it is empty";
        if (path.StartsWith('/')) return "it is absolute";
        if (path.IndexOfAny(['\\', ':', '\0']) >= 0) return "it holds a backslash, a colon or a NUL";
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return "it has an empty, '.' or '..' segment";
        }
        return null;
    }
}
