namespace Pipeline.Templates;

/// <summary>
/// The outcome of <see cref="MustacheTemplate.Parse"/>. <see cref="Template"/> is null when the
/// structure is broken; a partial alone leaves it usable (the partial renders as nothing).
/// </summary>
public sealed record TemplateParseResult(MustacheTemplate? Template, IReadOnlyList<TemplateProblem> Problems);
