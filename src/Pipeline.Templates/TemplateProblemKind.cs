namespace Pipeline.Templates;

/// <summary>Why a template could not be parsed or rendered.</summary>
public enum TemplateProblemKind
{
    /// <summary>A malformed tag: unclosed, empty name, bad delimiters.</summary>
    Syntax,

    /// <summary>Sections opened and never closed: one problem at the outermost, counting the rest.</summary>
    UnclosedSection,

    /// <summary>A section end that does not match the innermost open section.</summary>
    MismatchedSectionEnd,

    /// <summary>A partial tag; package templates cannot include other files.</summary>
    PartialNotSupported,

    /// <summary>Rendering produced more than <see cref="RenderLimits.MaxOutputChars"/>.</summary>
    OutputTooLarge,

    /// <summary>
    /// Sections nested deeper than <see cref="MustacheTemplate.MaxSectionDepth"/> in the text, or
    /// than <see cref="RenderLimits.MaxDepth"/> while rendering.
    /// </summary>
    TooDeep,

    /// <summary>Rendering evaluated more than <see cref="RenderLimits.MaxSteps"/> tags.</summary>
    TooMuchWork,
}
