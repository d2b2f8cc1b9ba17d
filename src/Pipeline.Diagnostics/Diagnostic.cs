namespace Pipeline.Diagnostics;

/// <summary>
/// A problem found in user content, as a value. <see cref="File"/> is relative to the universe
/// root (the folder holding packages/) with '/' separators — what change detection and the
/// baseline key by; <see cref="RepositoryPaths"/> maps it to the repository's path where people
/// and GitHub see it. <see cref="Line"/> and <see cref="Column"/> are 1-based, 0 when the problem
/// concerns the whole file.
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string? File,
    int Line,
    int Column,
    string Message,
    string? Hint)
{
    /// <summary>The package this diagnostic belongs to ("" for repository-wide ones), for grouping.</summary>
    public string Package => PackageOf(File);

    public static string PackageOf(string? file)
    {
        // packages/<Initial>/<name>/... → <name>
        if (file is null) return "";
        var parts = file.Split('/');
        var start = Array.IndexOf(parts, "packages");
        return start >= 0 && parts.Length > start + 2 ? parts[start + 2] : "";
    }

    /// <summary>One line of terminal text: the path and message are escaped (<see cref="Reports.TerminalText"/>).</summary>
    public override string ToString() =>
        $"{(File is null ? "(repository)" : Reports.TerminalText.Escape(File))}{(Line > 0 ? $":{Line}:{Column}" : "")}: {Severity.ToString().ToLowerInvariant()} {Reports.TerminalText.Escape(Code)}: {Reports.TerminalText.Escape(Message)}";
}
