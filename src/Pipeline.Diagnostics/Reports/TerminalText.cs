using System.Text;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// Text from user content (paths, messages that quote values) as it may be printed to a terminal
/// or a CI log: every control character is made visible (<c>\n</c>, <c>\r</c>, <c>\t</c>,
/// <c>\u001B</c> …), as are line and paragraph separators and bidirectional overrides. So a file
/// named <c>y\n::error file=x::</c> stays on its line, and cannot forge a workflow command, move
/// the cursor or reorder what is shown.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var first = IndexOfHidden(text);
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                case '\t': escaped.Append("\\t"); break;
                default:
                    if (IsHidden(c)) escaped.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Control characters (C0, DEL, C1), the Unicode line and paragraph separators, and the
    /// bidirectional marks, embeddings, overrides and isolates.
    /// </summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static int IndexOfHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHidden(text[i])) return i;
        }
        return -1;
    }
}
