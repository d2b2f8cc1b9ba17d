namespace Pipeline.Changes.Upgrades;

/// <summary>
/// One descriptor of a revision rendered for a diff: its output name and the text to compare (JSON
/// pretty-printed canonically, any other format as rendered), or why it could not be rendered.
/// </summary>
public sealed record RenderedDescriptorText(string Name, string? Text, string? Problem);
