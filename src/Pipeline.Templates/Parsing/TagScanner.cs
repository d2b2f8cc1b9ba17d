using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Finds the tags of a template in one forward pass, following set-delimiter tags as it goes.
/// Malformed tags become problems; an unclosed tag ends the scan, the rest being plain text.
/// </summary>
internal sealed class TagScanner
{
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly List<TemplateProblem> _problems;
    private readonly List<ScannedTag> _tags = [];
    private Delimiters _delimiters = Delimiters.Default;

    private TagScanner(string text, LineMap lines, List<TemplateProblem> problems)
    {
        _text = text;
        _lines = lines;
        _problems = problems;
    }

    public static List<ScannedTag> Scan(string text, LineMap lines, List<TemplateProblem> problems)
    {
        var scanner = new TagScanner(text, lines, problems);
        scanner.ScanAll();
        return scanner._tags;
    }

    private void ScanAll()
    {
        var offset = 0;
        while (offset < _text.Length)
        {
            var start = _text.IndexOf(_delimiters.Open, offset, StringComparison.Ordinal);
            if (start < 0) return;
            var contentStart = start + _delimiters.Open.Length;

            // The sigil is the character right after the opening delimiter, as in mustache.java
            // ("{{ #a}}" is a variable named "#a"). It decides the closer: "{{{x}}}" ends with "}}}",
            // "{{=<% %>=}}" with "=}}".
            var sigil = contentStart < _text.Length ? _text[contentStart] : ' ';
            var closer = sigil switch
            {
                '{' => _delimiters.TripleClose,
                '=' => _delimiters.SetDelimiterClose,
                _ => _delimiters.Close,
            };
            var bodyStart = sigil is '{' or '=' ? contentStart + 1 : contentStart;

            var close = _text.IndexOf(closer, bodyStart, StringComparison.Ordinal);
            if (close < 0)
            {
                Problem(start, $"Tag '{Excerpt(start)}' is never closed with '{closer}'.");
                return;
            }

            offset = close + closer.Length;
            AddTag(sigil, _text.AsSpan(bodyStart, close - bodyStart).Trim(), start, offset);
        }
    }

    private void AddTag(char sigil, ReadOnlySpan<char> body, int start, int end)
    {
        if (sigil == '=')
        {
            if (TryReadDelimiters(body, out var next))
            {
                _tags.Add(new ScannedTag(TokenKind.SetDelimiter, body.ToString(), start, end));
                _delimiters = next;
            }
            else
            {
                Problem(start, $"Set-delimiter tag '{Excerpt(start)}' must name two delimiters without spaces or '=', as in '{{{{=<% %>=}}}}'.");
            }
            return;
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
        var name = kind == TokenKind.Variable || sigil == '{' ? body : body[1..].Trim();

        if (body.IsEmpty) Problem(start, $"Tag '{Excerpt(start)}' is empty.");
        else if (name.IsEmpty && kind != TokenKind.Comment) Problem(start, $"{Describe(kind)} tag '{Excerpt(start)}' has no name.");
        else _tags.Add(new ScannedTag(kind, name.ToString(), start, end));
    }

    private void Problem(int start, string message) =>
        _problems.Add(new TemplateProblem(TemplateProblemKind.Syntax, _lines.At(start), message));

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
