using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Pipeline.Templates.Parsing;
using Pipeline.Templates.Rendering;

namespace Pipeline.Templates;

/// <summary>
/// A parsed Mustache template, rendered the way DC/OS Cosmos renders package descriptors
/// (mustache.java): no HTML escaping, <c>{{x}}</c> JSON-escapes strings so <c>"{{x}}"</c> stays a
/// valid JSON string, the empty string is falsy, partials are refused. Immutable and safe to
/// render from several threads; parse once, render many times.
/// </summary>
public sealed class MustacheTemplate
{
    private readonly string _text;
    private readonly Instruction[] _program;

    internal MustacheTemplate(string text, Instruction[] program, MustacheTag[] tags)
    {
        _text = text;
        _program = program;
        Tags = new ReadOnlyCollection<MustacheTag>(tags);
    }

    /// <summary>
    /// Sections open at once, at most, when parsing: real descriptors nest a handful deep, and a
    /// template past this is a <see cref="TemplateProblemKind.TooDeep"/> problem.
    /// </summary>
    public const int MaxSectionDepth = 100;

    /// <summary>Every tag in document order, including those inside sections; section ends are not listed.</summary>
    public IReadOnlyList<MustacheTag> Tags { get; }

    /// <summary>Parses a template; never throws, problems in the text come back as values.</summary>
    public static TemplateParseResult Parse(string text) => TemplateParser.Parse(text ?? "");

    /// <summary>Renders against a JSON context; a limit stops rendering with a problem and no output.</summary>
    public RenderResult Render(JsonNode? context, RenderLimits? limits = null) =>
        TemplateRenderer.Render(_text, _program, context, limits ?? RenderLimits.Default);
}
