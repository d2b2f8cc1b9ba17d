namespace Pipeline.Templates.Parsing;

/// <summary>Scan, apply the standalone-line rule, compile; a partial is the only problem that still yields a template.</summary>
internal static class TemplateParser
{
    public static TemplateParseResult Parse(string text)
    {
        var lines = new LineMap(text);
        var problems = new List<TemplateProblem>();
        var scanned = TagScanner.Scan(text, lines, problems);
        StandaloneLines.Apply(text, scanned);
        var (program, tags) = TemplateCompiler.Compile(text, scanned, lines, problems);

        var ordered = problems
            .OrderBy(p => p.Position.Line)
            .ThenBy(p => p.Position.Column)
            .ToArray();
        var broken = ordered.Any(p => p.Kind != TemplateProblemKind.PartialNotSupported);
        return new TemplateParseResult(broken ? null : new MustacheTemplate(program, tags), ordered.AsReadOnly());
    }
}
