namespace Pipeline.Bumping.Planning;

/// <summary>
/// Whether a string can be a package version in a universe: Universe takes any string, so this
/// only keeps out what would break a folder listing, a branch name or a one-line report.
/// </summary>
internal static class VersionText
{
    public const int MaxLength = 100;

    /// <returns>Null when plausible, else why not.</returns>
    public static string? Problem(string version)
    {
        if (version.Length == 0) return "the version is empty";
        if (version.Length > MaxLength) return $"the version is {version.Length} characters long, over {MaxLength}";
        if (version.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return "the version holds whitespace or a control character";
        if (version.Any(c => c is '/' or '\\')) return "the version holds a '/' or '\\'";
        if (version.Any(c => c > '~')) return "the version holds a character outside ASCII (package files are ASCII)";
        return null;
    }
}
