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
        var lines = template.Split('\n');
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Matches(lines[i], renderedLine)) continue;
            var distance = Math.Abs(i + 1 - renderedLineNumber);
            if (distance < bestDistance)
            {
                best = i + 1;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static bool Matches(string templateLine, string renderedLine)
    {
        var literals = new List<string>();
        var rest = templateLine.AsSpan().Trim();
        while (rest.Length > 0)
        {
            var open = rest.IndexOf("{{", StringComparison.Ordinal);
            if (open < 0)
            {
                literals.Add(rest.ToString());
                break;
            }
            if (open > 0) literals.Add(rest[..open].ToString());
            var close = rest[open..].IndexOf("}}", StringComparison.Ordinal);
            if (close < 0) break;
            rest = rest[(open + close + 2)..].TrimStart('}');
        }
        if (literals.Count == 0 || literals.All(string.IsNullOrWhiteSpace)) return false;
        var position = 0;
        foreach (var literal in literals)
        {
            var trimmed = literal.Trim();
            if (trimmed.Length == 0) continue;
            var found = renderedLine.IndexOf(trimmed, position, StringComparison.Ordinal);
            if (found < 0) return false;
            position = found + trimmed.Length;
        }
        return true;
    }
}
