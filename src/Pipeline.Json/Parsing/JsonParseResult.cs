using Pipeline.Json.Dom;

namespace Pipeline.Json.Parsing;

/// <summary>
/// The outcome of parsing. <see cref="Root"/> is null when the text could not be read as JSON
/// (invalid UTF-8, too large, too deep, a syntax error); a byte order mark or a duplicate key is
/// reported but the document is still built.
/// </summary>
public sealed record JsonParseResult(JsonDatum? Root, IReadOnlyList<JsonProblem> Problems)
{
    public bool Succeeded => Root is not null;
}
