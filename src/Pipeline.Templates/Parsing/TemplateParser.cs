namespace Pipeline.Templates.Parsing;

/// <summary>
/// Scan and compile in one pass over the text; a partial is the only problem that still yields a template.
/// </summary>
internal static class TemplateParser
{
    public static TemplateParseResult Parse(string text)
    {
        var problems = new ProblemList(text);
        var scanner = new TagScanner(text, problems);
        var compiler = TemplateCompiler.Start(text, problems);
        while (scanner.Next(out var tag)) compiler.Add(tag);
        var (program, tags) = compiler.Finish();

        var template = problems.IsBroken ? null : new MustacheTemplate(text, program, tags);
        return new TemplateParseResult(template, problems.InOrder());
    }
}
