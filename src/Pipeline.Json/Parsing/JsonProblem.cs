using Pipeline.Diagnostics;

namespace Pipeline.Json.Parsing;

/// <summary>Something wrong with a JSON text, at the position concerned (unknown for <see cref="JsonProblemKind.TooLarge"/>).</summary>
public sealed record JsonProblem(JsonProblemKind Kind, SourcePosition Position, string Message);
