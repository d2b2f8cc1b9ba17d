namespace Pipeline.GitHub.Comments;

/// <summary>Fits a Markdown body under a character budget, cutting at a line boundary and saying so.</summary>
public static class CommentBody
{
    /// <summary>GitHub rejects issue comments longer than this many characters.</summary>
    public const int GitHubLimit = 65_536;

    /// <returns>The body to send and whether it had to be cut.</returns>
    public static (string Body, bool Truncated) Fit(string header, string markdown, Uri? fullReportUrl, int budget)
    {
        var whole = header + markdown;
        if (whole.Length <= budget) return (whole, false);

        var note = CutNote(fullReportUrl);
        var room = budget - header.Length - note.Length;
        if (room < 0) throw new ArgumentOutOfRangeException(nameof(budget), budget, "The budget cannot hold even the marker and the note.");
        return (header + CutAtLine(markdown, room) + note, true);
    }

    /// <summary>The longest prefix of at most <paramref name="room"/> characters ending at a line break.</summary>
    public static string CutAtLine(string text, int room)
    {
        if (text.Length <= room) return text;
        var end = text.LastIndexOf('\n', Math.Max(room - 1, 0), Math.Max(room, 0));
        if (end > 0) return text[..(end + 1)];
        // One very long line: cut inside it, but never between the halves of a surrogate pair.
        var cut = room;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "\n";
    }

    private static string CutNote(Uri? fullReportUrl) => fullReportUrl is null
        ? "\n---\n> :warning: This report was cut to fit GitHub's comment limit; the full report is in the workflow run's job summary.\n"
        : $"\n---\n> :warning: This report was cut to fit GitHub's comment limit. [Read the full report]({fullReportUrl}).\n";
}
