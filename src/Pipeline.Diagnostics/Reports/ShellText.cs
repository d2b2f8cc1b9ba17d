namespace Pipeline.Diagnostics.Reports;

/// <summary>Words of the commands a report or a message tells the user to run, as a POSIX shell reads them.</summary>
public static class ShellText
{
    /// <summary>The word as is when it holds only characters no shell treats specially, else single-quoted.</summary>
    public static string Word(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:@%+=,".Contains(c))
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
