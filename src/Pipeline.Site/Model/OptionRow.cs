namespace Pipeline.Site.Model;

/// <summary>
/// One option of a config.json schema: its dotted path (<c>service.name</c>; array items as
/// <c>volumes[].size</c>), nesting depth, and what an operator needs to know to set it.
/// Default and enum values are compact JSON.
/// </summary>
internal sealed record OptionRow(
    string Path,
    int Depth,
    string Type,
    string? Default,
    bool Required,
    IReadOnlyList<string> Enum,
    string? Description,
    string? Constraints);
