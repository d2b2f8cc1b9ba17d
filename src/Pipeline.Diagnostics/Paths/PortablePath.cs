namespace Pipeline.Diagnostics.Paths;

/// <summary>
/// Which names can be part of a package path. A package tree is checked out on Linux, macOS and
/// Windows, read from Git's and GitHub's file lists and served over HTTP, so a name must survive
/// all of them unchanged. Refused, each for a reason:
/// <list type="bullet">
/// <item>a backslash: a separator on Windows, and what a careless normalizer turns into '/';</item>
/// <item>control characters (C0, DEL, C1), line and paragraph separators, bidirectional controls:
/// they break lines and logs, or show a name other than the real one;</item>
/// <item><c>: * ? " &lt; &gt; |</c>: not allowed in Windows file names;</item>
/// <item>leading or trailing white space, a trailing dot: Windows drops them, so two names
/// would be one file;</item>
/// <item>Windows' device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with or without an extension).</item>
/// </list>
/// A leading dot is allowed (Git and every system keep it); "." and ".." never come from a file list.
/// </summary>
public static class PortablePath
{
    private static readonly HashSet<string> DeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a single file or folder name cannot be in a package path, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "the name is empty";
        foreach (var c in name)
        {
            if (c == '\\') return "it holds a backslash";
            if (Reports.TerminalText.IsHidden(c)) return $"it holds the invisible character U+{(int)c:X4}";
            if (c is ':' or '*' or '?' or '"' or '<' or '>' or '|') return $"it holds `{c}`, which Windows does not allow in a file name";
        }
        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])) return "it starts or ends with white space";
        if (name[^1] == '.' && name is not ("." or "..")) return "it ends with a dot";
        // Device names are three or four letters: only such a stem is looked up, so the common
        // name costs no allocation (this runs for every entry of the tree).
        var dot = name.IndexOf('.');
        var stemLength = dot < 0 ? name.Length : dot;
        if (stemLength is 3 or 4 && DeviceNames.Contains(name[..stemLength])) return $"`{name[..stemLength]}` is a device name on Windows";
        return null;
    }

    /// <summary>
    /// The first name in a '/'-separated path that cannot be in a package path: the path up to and
    /// including it, and why; null when every name can.
    /// </summary>
    public static (string Path, string Reason)? FirstProblem(string path)
    {
        var end = 0;
        foreach (var name in path.Split('/'))
        {
            end += name.Length;
            if (Problem(name) is { } reason) return (path[..end], reason);
            end++;
        }
        return null;
    }

    /// <summary>UNI015 at the first name in <paramref name="path"/> that cannot be in a package path, or null.</summary>
    public static Diagnostic? Diagnose(string path) =>
        FirstProblem(path) is { } found ? At(found.Path, found.Reason) : null;

    /// <summary>UNI015 when the last name of <paramref name="path"/> cannot be in a package path (the folders above are checked on their own).</summary>
    public static Diagnostic? DiagnoseLast(string path) =>
        Problem(path[(path.LastIndexOf('/') + 1)..]) is { } reason ? At(path, reason) : null;

    private static Diagnostic At(string path, string reason) =>
        RuleCatalog.UnportablePathName.At(path, $"`{path[(path.LastIndexOf('/') + 1)..]}` cannot be part of a package path: {reason}");
}
