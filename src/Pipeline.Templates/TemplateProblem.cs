using Pipeline.Diagnostics;

namespace Pipeline.Templates;

/// <summary>A problem in a template, at the opening delimiter of the tag concerned.</summary>
public sealed record TemplateProblem(TemplateProblemKind Kind, SourcePosition Position, string Message);
