using System.Runtime.CompilerServices;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// The Mustache spec's standalone rule: a line holding only whitespace and one section, inverted,
/// end, comment, partial or set-delimiter tag is removed entirely, newline included, so block tags
/// leave no blank lines in YAML or JSON output.
/// </summary>
internal static class StandaloneLines
{
    /// <summary>
    /// The text a tag removes: its whole line when it stands alone, else the tag itself. Only the
    /// blanks beside the tag are walked, and delimiters never contain blanks, so no character is
    /// visited by more than the two tags around it: O(n) over a template.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Start, int End) Occupied(string text, TokenKind kind, int start, int end)
    {
        if (!kind.CanStandAlone()) return (start, end);

        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t') lineStart--;
        if (lineStart > 0 && text[lineStart - 1] != '\n') return (start, end);

        var lineEnd = end;
        while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t') lineEnd++;
        if (lineEnd < text.Length)
        {
            if (text[lineEnd] == '\n') lineEnd++;
            else if (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n') lineEnd += 2;
            else return (start, end);
        }
        return (lineStart, lineEnd);
    }
}
