using System.Runtime.CompilerServices;

namespace Pipeline.Templates.Parsing;

/// <summary>What the scanner found: the public tag kinds plus the section end, which is not a tag of its own.</summary>
internal enum TokenKind
{
    Variable,
    Unescaped,
    Section,
    InvertedSection,
    SectionEnd,
    Comment,
    Partial,
    SetDelimiter,
}

internal static class TokenKindExtensions
{
    /// <summary>Tags that vanish with their line when alone on it (the Mustache spec's standalone rule).</summary>
    public static bool CanStandAlone(this TokenKind kind) =>
        kind is not (TokenKind.Variable or TokenKind.Unescaped);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TagKind ToTagKind(this TokenKind kind) => kind switch
    {
        TokenKind.Variable => TagKind.Variable,
        TokenKind.Unescaped => TagKind.Unescaped,
        TokenKind.Section => TagKind.Section,
        TokenKind.InvertedSection => TagKind.InvertedSection,
        TokenKind.Comment => TagKind.Comment,
        TokenKind.Partial => TagKind.Partial,
        TokenKind.SetDelimiter => TagKind.SetDelimiter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A section end is not a tag of its own."),
    };
}
