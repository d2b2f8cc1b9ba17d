using System.Text;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// The one neutralizer for text from a pull request (file names, package names, versions,
/// messages that quote values) on its way into GitHub Markdown: the comment, the job summary, the
/// check run's summary. Hidden characters are made visible (<see cref="TerminalText"/>), so no
/// text breaks a line or a table row; <c>&lt;</c> and <c>&gt;</c> are escaped, so no HTML
/// (<c>&lt;details&gt;</c>) opens; <c>|</c> cannot add a cell, and never follows a backslash;
/// <c>@user</c>, <c>#123</c>, <c>GH-123</c>, <c>://</c> and <c>www.</c> are defused with a
/// zero-width joiner, so nobody is pinged and nothing is linked or cross-referenced; links and
/// images cannot be started; a leading <c>#</c>, <c>-</c>, <c>+</c>, <c>=</c> or <c>1.</c> opens no
/// block where the text starts a line; code spans are balanced; and the length is bounded, with an
/// ellipsis.
/// </summary>
public static class MarkdownText
{
    /// <summary>How many characters of one value a report shows by default.</summary>
    public const int DefaultLength = 500;

    private const char Joiner = '\u200D';
    private const char Space = '\u200B';

    /// <summary>
    /// Plain text, for a paragraph, a list item or a table cell. Values a message quotes in
    /// backticks stay code spans, each with a fence of its own; a backtick without its pair is
    /// shown as a backtick.
    /// </summary>
    /// <param name="inTable">Escape <c>|</c> inside code spans too, as GitHub splits table cells before it reads code spans.</param>
    public static string Inline(string? text, bool inTable = false, int maxLength = DefaultLength)
    {
        var parts = Bounded(text, maxLength).Split('`');
        var escaped = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1;
            if (quoted && i < parts.Length - 1 && parts[i].Length > 0)
            {
                escaped.Append(Fenced(parts[i], inTable));
                continue;
            }
            // An empty pair, or the last backtick of an odd count: a backtick as text.
            if (quoted) escaped.Append("\\`");
            AppendPlain(escaped, parts[i], lineStart: i == 0);
            if (quoted && i < parts.Length - 1) escaped.Append("\\`");
        }
        return escaped.ToString();
    }

    /// <summary>
    /// A code span: the fence is one backtick longer than the longest run of backticks inside,
    /// padded when the text starts or ends with a backtick. Mentions and HTML are inert in code.
    /// </summary>
    /// <param name="inTable">Escape <c>|</c>, as GitHub splits table cells before it reads code spans (and drops the backslash).</param>
    public static string Code(string? text, bool inTable = false, int maxLength = DefaultLength) =>
        Fenced(Bounded(text, maxLength), inTable);

    /// <summary>
    /// A fenced code block of package text (a diff, a rendered file), with <paramref name="info"/> as
    /// its language: every line's hidden characters made visible (no CR or separator ends a line
    /// early), and a backtick fence longer than any backtick run inside (three at least), so no line
    /// of the text closes the block. HTML and mentions are inert in code.
    /// </summary>
    public static string CodeBlock(string text, string info)
    {
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var visible = new StringBuilder(text.Length + 16);
        for (var i = 0; i < count; i++) visible.Append(TerminalText.Escape(lines[i])).Append('\n');
        var fence = new string('`', Math.Max(3, LongestBacktickRun(visible.ToString()) + 1));
        return $"{fence}{info}\n{visible}{fence}\n";
    }

    private static int LongestBacktickRun(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static string Fenced(string visible, bool inTable)
    {
        if (inTable) visible = EscapePipes(visible);
        if (visible.Length == 0) return "` `";
        var fence = new string('`', LongestBacktickRun(visible) + 1);
        var pad = visible[0] == '`' || visible[^1] == '`' || (visible[0] == ' ' && visible[^1] == ' ') ? " " : "";
        return $"{fence}{pad}{visible}{pad}{fence}";
    }

    /// <summary>
    /// <c>|</c> as <c>\|</c>, and never right after a backslash: GitHub splits a table row where a
    /// pipe follows an even run of backslashes, so <c>a\|</c> must not become <c>a\\|</c>. A
    /// zero-width space between them keeps every escaped pipe away from any backslash run.
    /// </summary>
    private static string EscapePipes(string visible)
    {
        if (!visible.Contains('|', StringComparison.Ordinal)) return visible;
        var escaped = new StringBuilder(visible.Length + 8);
        foreach (var c in visible)
        {
            if (c == '|')
            {
                if (escaped.Length > 0 && escaped[^1] == '\\') escaped.Append(Space);
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static void AppendPlain(StringBuilder escaped, string text, bool lineStart)
    {
        // The text may be put at the start of a line (a list item, a quote): its first character
        // must not open a block (a heading, a list, a quote, a setext underline).
        var start = lineStart;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (start && c != ' ')
            {
                start = false;
                // Escaped, then as anywhere else (a # still gets its joiner).
                if (c is '#' or '-' or '+' or '=') escaped.Append('\\');
                else if (OrderedListMarker(text, i) is var end and > 0)
                {
                    escaped.Append(text, i, end - i).Append('\\').Append(text[end]);
                    i = end;
                    continue;
                }
            }
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                // No backslash right before an escaped pipe, whatever a renderer makes of backslash runs.
                case '|':
                    if (escaped.Length > 0 && escaped[^1] == '\\') escaped.Append(Space);
                    escaped.Append("\\|");
                    break;
                // The backslash too, so that no text can unescape what follows it.
                case '\\' or '`' or '[' or ']' or '*' or '_' or '~': escaped.Append('\\').Append(c); break;
                case '@' or '#':
                    escaped.Append(c);
                    if (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '-' or '_')) escaped.Append(Joiner);
                    break;
                // Autolinks: https://…, www.… and GH-123 become links or cross-references.
                case ':' when Follows(text, i + 1, "//"):
                    escaped.Append(c).Append(Joiner);
                    break;
                case '.' when i >= 3 && Follows(text, i - 3, "www"):
                case '-' when i >= 2 && Follows(text, i - 2, "gh") && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]):
                    escaped.Append(Joiner).Append(c);
                    break;
                default: escaped.Append(c); break;
            }
        }
    }

    private static bool Follows(string text, int at, string word) =>
        at + word.Length <= text.Length && text.AsSpan(at, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the <c>.</c> or <c>)</c> of an ordered list marker (<c>1.</c>, <c>12)</c>) starting at <paramref name="at"/> is; -1 for none.</summary>
    private static int OrderedListMarker(string text, int at)
    {
        var end = at;
        while (end < text.Length && end - at < 10 && char.IsAsciiDigit(text[end])) end++;
        return end > at && end < text.Length && text[end] is '.' or ')' ? end : -1;
    }

    /// <summary>The text with hidden characters made visible, cut to at most <paramref name="maxLength"/> characters and an ellipsis.</summary>
    public static string Bounded(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Cut before escaping, so an escape is never cut in half; never between a surrogate pair.
        if (text.Length > maxLength)
        {
            var cut = Math.Max(maxLength - 1, 0);
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
            text = text[..cut] + "…";
        }
        return TerminalText.Escape(text);
    }
}
