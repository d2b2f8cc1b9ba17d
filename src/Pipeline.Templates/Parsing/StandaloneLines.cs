namespace Pipeline.Templates.Parsing;

/// <summary>
/// The Mustache spec's standalone rule: a line holding only whitespace and one section, inverted,
/// end, comment, partial or set-delimiter tag is removed entirely, newline included, so block tags
/// leave no blank lines in YAML or JSON output.
/// </summary>
internal static class StandaloneLines
{
    public static void Apply(string text, List<ScannedTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (!tag.Kind.CanStandAlone()) continue;

            // Delimiters never contain whitespace, so walking over whitespace alone cannot cross another tag.
            var lineStart = tag.Start;
            while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t') lineStart--;
            if (lineStart > 0 && text[lineStart - 1] != '\n') continue;

            var lineEnd = tag.End;
            while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t') lineEnd++;
            if (lineEnd < text.Length)
            {
                if (text[lineEnd] == '\n') lineEnd++;
                else if (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n') lineEnd += 2;
                else continue;
            }

            tags[i] = tag with { OccupiedStart = lineStart, OccupiedEnd = lineEnd };
        }
    }
}
