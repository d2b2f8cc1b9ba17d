using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Finds the tags of a template one at a time in a single forward pass, following set-delimiter
/// tags as it goes. The search for each opening delimiter is the runtime's vectorised IndexOf, and
/// a tag costs no allocation. Malformed tags become problems; an unclosed tag ends the scan, the
/// rest being plain text.
/// </summary>
/// <remarks>
/// Methods that run once per tag are marked AggressiveOptimization, here and in the compiler and
/// renderer: under the JIT (tests, <c>dotnet run</c>) a validation run is over before tiered
/// compilation would optimise them. The published <c>universe</c> is compiled ahead of time and
/// ignores the mark. Problems are reported from separate methods so that the hot ones stay small.
/// </remarks>
internal sealed class TagScanner
{
    private readonly string _text;
    private readonly ProblemList _problems;
    private Delimiters _delimiters = Delimiters.Default;
    private int _offset;

    public TagScanner(string text, ProblemList problems)
    {
        _text = text;
        _problems = problems;
    }

    /// <summary>The next well-formed tag, with the text it occupies; false at the end of the template.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ScannedTag tag)
    {
        var text = _text;
        while (_offset < text.Length)
        {
            var open = _delimiters.Open;
            var start = text.IndexOf(open, _offset, StringComparison.Ordinal);
            if (start < 0) break;
            var contentStart = start + open.Length;

            // The sigil is the character right after the opening delimiter, as in mustache.java
            // ("{{ #a}}" is a variable named "#a"). It decides the closer: "{{{x}}}" ends with "}}}",
            // "{{=<% %>=}}" with "=}}".
            var sigil = contentStart < text.Length ? text[contentStart] : ' ';
            var closer = sigil switch
            {
                '{' => _delimiters.TripleClose,
                '=' => _delimiters.SetDelimiterClose,
                _ => _delimiters.Close,
            };
            var bodyStart = sigil is '{' or '=' ? contentStart + 1 : contentStart;

            var close = text.IndexOf(closer, bodyStart, StringComparison.Ordinal);
            if (close < 0)
            {
                ReportUnclosed(start, closer);
                break;
            }

            _offset = close + closer.Length;
            var read = sigil == '='
                ? TryReadSetDelimiter(bodyStart, close, start, out tag)
                : TryRead(sigil, bodyStart, close, start, out tag);
            if (read) return true;
        }
        _offset = text.Length;
        tag = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryRead(char sigil, int bodyStart, int bodyEnd, int start, out ScannedTag tag)
    {
        var (bodyOffset, bodyLength) = Trim(bodyStart, bodyEnd);
        var kind = sigil switch
        {
            '{' or '&' => TokenKind.Unescaped,
            '#' => TokenKind.Section,
            '^' => TokenKind.InvertedSection,
            '/' => TokenKind.SectionEnd,
            '!' => TokenKind.Comment,
            '>' => TokenKind.Partial,
            _ => TokenKind.Variable,
        };
        // Only the triple's closer swallowed its "}"; other sigils are still the first character of the body.
        var (nameOffset, nameLength) = kind == TokenKind.Variable || sigil == '{' || bodyLength == 0
            ? (bodyOffset, bodyLength)
            : Trim(bodyOffset + 1, bodyOffset + bodyLength);

        if (bodyLength == 0 || (nameLength == 0 && kind != TokenKind.Comment))
        {
            ReportNameless(kind, bodyLength == 0, start);
            tag = default;
            return false;
        }
        tag = Tag(kind, nameOffset, nameLength, start);
        return true;
    }

    private bool TryReadSetDelimiter(int bodyStart, int bodyEnd, int start, out ScannedTag tag)
    {
        var (bodyOffset, bodyLength) = Trim(bodyStart, bodyEnd);
        if (TryReadDelimiters(_text.AsSpan(bodyOffset, bodyLength), out var next))
        {
            tag = Tag(TokenKind.SetDelimiter, bodyOffset, bodyLength, start);
            _delimiters = next;
            return true;
        }
        _problems.Add(TemplateProblemKind.Syntax, start,
            $"Set-delimiter tag '{Excerpt(start)}' must name two delimiters without spaces or '=', as in '{{{{=<% %>=}}}}'.");
        tag = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ScannedTag Tag(TokenKind kind, int nameStart, int nameLength, int start)
    {
        // _offset is already just past the tag's closing delimiter.
        var (occupiedStart, occupiedEnd) = StandaloneLines.Occupied(_text, kind, start, _offset);
        return new ScannedTag(kind, nameStart, nameLength, start, occupiedStart, occupiedEnd);
    }

    // The offsets of text[start..end] without surrounding white space, as span.Trim() would give.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Start, int Length) Trim(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        var trimmed = span.TrimStart();
        return (start + span.Length - trimmed.Length, trimmed.TrimEnd().Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportUnclosed(int start, string closer) =>
        _problems.Add(TemplateProblemKind.Syntax, start, $"Tag '{Excerpt(start)}' is never closed with '{closer}'.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportNameless(TokenKind kind, bool empty, int start) =>
        _problems.Add(TemplateProblemKind.Syntax, start, empty
            ? $"Tag '{Excerpt(start)}' is empty."
            : $"{Describe(kind)} tag '{Excerpt(start)}' has no name.");

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.Section => "Section",
        TokenKind.InvertedSection => "Inverted section",
        TokenKind.SectionEnd => "Section end",
        TokenKind.Partial => "Partial",
        _ => "Unescaped variable",
    };

    private static bool TryReadDelimiters(ReadOnlySpan<char> body, [NotNullWhen(true)] out Delimiters? delimiters)
    {
        delimiters = null;
        var split = body.IndexOfAny(" \t\r\n");
        if (split <= 0) return false;
        var open = body[..split];
        var close = body[split..].Trim();
        if (!IsDelimiter(open) || !IsDelimiter(close)) return false;
        delimiters = new Delimiters(open.ToString(), close.ToString());
        return true;
    }

    private static bool IsDelimiter(ReadOnlySpan<char> candidate)
    {
        foreach (var c in candidate)
        {
            if (c == '=' || char.IsWhiteSpace(c)) return false;
        }
        return candidate.Length > 0;
    }

    // The tag's first line, shortened, for messages.
    private string Excerpt(int start)
    {
        var line = _text.AsSpan(start);
        var newline = line.IndexOfAny('\r', '\n');
        if (newline >= 0) line = line[..newline];
        return line.Length > 40 ? string.Concat(line[..40], "…") : line.ToString();
    }
}
