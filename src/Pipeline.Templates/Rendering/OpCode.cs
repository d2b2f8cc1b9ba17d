namespace Pipeline.Templates.Rendering;

/// <summary>The steps a compiled template is made of.</summary>
internal enum OpCode : byte
{
    /// <summary>Write literal text.</summary>
    Text,

    /// <summary>Write a value JSON-escaped.</summary>
    Escaped,

    /// <summary>Write a value as it is.</summary>
    Raw,

    /// <summary>Enter a section when its value is truthy, else jump past its end.</summary>
    Section,

    /// <summary>Enter an inverted section when its value is falsy, else jump past its end.</summary>
    InvertedSection,

    /// <summary>Repeat the section for the next list item, or leave it.</summary>
    SectionEnd,
}
