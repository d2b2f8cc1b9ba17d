using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Finds the tags of a template one at a time in a single forward pass, following set-delimiter
/// tags as it goes. The search for each opening delimiter is the runtime's vectorised IndexOf, and
/// a tag costs no allocation. Malformed tags become problems; an unclosed tag ends the scan, the
/// rest being plain text.
/// </summary>
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
                _problems.Add(TemplateProblemKind.Syntax, start, $"Tag '{Excerpt(start)}' is never closed with '{closer}'.");
                break;
            }

            _offset = close + closer.Length;
            if (TryRead(sigil, bodyStart, close, start, out tag)) return true;
        }
        _offset = text.Length;
        tag = default;
        return false;
    }

    private bool TryRead(char sigil, int bodyStart, int bodyEnd, int start, out ScannedTag tag)
    {
        tag = default;
        var (bodyOffset, bodyLength) = Trim(bodyStart, bodyEnd);
        var body = _text.AsSpan(bodyOffset, bodyLength);
        if (sigil == '=')
        {
            if (TryReadDelimiters(body, out var next))
            {
                tag = Tag(TokenKind.SetDelimiter, bodyOffset, bodyLength, start);
                _delimiters = next;
                return true;
            }
            _problems.Add(TemplateProblemKind.Syntax, start,
                $"Set-delimiter tag '{Excerpt(start)}' must name two delimiters without spaces or '=', as in '{{{{=<% %>=}}}}'.");
            return false;
        }

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

        if (bodyLength == 0)
        {
            _problems.Add(TemplateProblemKind.Syntax, start, $"Tag '{Excerpt(start)}' is empty.");
            return false;
        }
        if (nameLength == 0 && kind != TokenKind.Comment)
        {
            _problems.Add(TemplateProblemKind.Syntax, start, $"{Describe(kind)} tag '{Excerpt(start)}' has no name.");
            return false;
        }
        tag = Tag(kind, nameOffset, nameLength, start);
        return true;
    }

    private ScannedTag Tag(TokenKind kind, int nameStart, int nameLength, int start)
    {
        var (occupiedStart, occupiedEnd) = StandaloneLines.Occupied(_text, kind, start, _offset);
        return new ScannedTag(kind, nameStart, nameLength, start, _offset, occupiedStart, occupiedEnd);
    }

    // The offsets of text[start..end] without surrounding white space, as span.Trim() would give.
    private (int Start, int Length) Trim(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        var trimmed = span.TrimStart();
        var lead = span.Length - trimmed.Length;
        return (start + lead, trimmed.TrimEnd().Length);
    }

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
