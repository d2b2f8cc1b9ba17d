namespace Pipeline.Templates;

/// <summary>The outcome of <see cref="MustacheTemplate.Render"/>. <see cref="Output"/> is null when a limit stopped rendering.</summary>
public sealed record RenderResult(string? Output, IReadOnlyList<TemplateProblem> Problems);
