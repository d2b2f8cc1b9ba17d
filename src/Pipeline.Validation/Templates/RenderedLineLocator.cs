namespace Pipeline.Validation.Templates;

/// <summary>
/// Points a problem in rendered output back at a template line: the template line whose literal
/// text (with its tags taken out) appears in the rendered line, nearest to the same line number.
/// A heuristic, since one template line may render to many; 0 when nothing matches.
/// </summary>
public static class RenderedLineLocator
{
    public static int Find(string template, string renderedLine, int renderedLineNumber)
    {
        // Line by line over the text itself, without a string per line or per literal: a template
        // with many findings is searched once per finding.
        var best = 0;
        var bestDistance = int.MaxValue;
        var rest = template.AsSpan();
        for (var number = 1; ; number++)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (Matches(line, renderedLine))
            {
                var distance = Math.Abs(number - renderedLineNumber);
                if (distance < bestDistance)
                {
                    best = number;
                    bestDistance = distance;
                }
            }
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        return best;
    }

    /// <summary>Whether the line's literal pieces (tags taken out, at least one not blank) appear in order in the rendered line.</summary>
    private static bool Matches(ReadOnlySpan<char> templateLine, string renderedLine)
    {
        var rendered = renderedLine.AsSpan();
        var rest = templateLine.Trim();
        var position = 0;
        var any = false;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf("{{", StringComparison.Ordinal);
            var literal = (open < 0 ? rest : rest[..open]).Trim();
            if (literal.Length > 0)
            {
                var found = rendered[position..].IndexOf(literal, StringComparison.Ordinal);
                if (found < 0) return false;
                position += found + literal.Length;
                any = true;
            }
            if (open < 0) break;
            var close = rest[open..].IndexOf("}}", StringComparison.Ordinal);
            if (close < 0) break;
            rest = rest[(open + close + 2)..].TrimStart('}');
        }
        return any;
    }
}
