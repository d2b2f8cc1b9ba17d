using Pipeline.Json.Options;
using Pipeline.Json;

namespace Pipeline.Site.Model;

/// <summary>
/// One option of a config.json schema: its dotted path (<c>service.name</c>; array items as
/// <c>volumes[].size</c>), nesting depth, and what an operator needs to know to set it.
/// Default and enum values are compact JSON; the default is the one Cosmos applies. Required may be
/// conditional: required in some <c>anyOf</c>/<c>oneOf</c> branches or under <c>dependencies</c> only.
/// </summary>
internal sealed record OptionRow(
    string Path,
    int Depth,
    string Type,
    string? Default,
    Requirement Required,
    IReadOnlyList<string> Enum,
    string? Description,
    string? Constraints);
