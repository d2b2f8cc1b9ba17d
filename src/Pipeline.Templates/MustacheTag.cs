using Pipeline.Diagnostics;

namespace Pipeline.Templates;

/// <summary>
/// One tag of a template, where its opening delimiter starts. <see cref="Name"/> is the trimmed
/// name (the text for a comment, the new delimiters for a set-delimiter tag).
/// <see cref="EnclosingSections"/> names the sections (normal and inverted) the tag sits in,
/// outermost first; a section's own tag is not inside itself.
/// </summary>
public sealed record MustacheTag(string Name, TagKind Kind, SourcePosition Position, IReadOnlyList<string> EnclosingSections);
