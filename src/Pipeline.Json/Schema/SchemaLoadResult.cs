namespace Pipeline.Json.Schema;

/// <summary>
/// A compiled schema and what was wrong with it. <see cref="Schema"/> is non-null whenever it can be
/// used: a part that cannot be honoured (a remote <c>$ref</c>, an invalid pattern) is reported here and
/// then accepts everything.
/// </summary>
public sealed record SchemaLoadResult(JsonSchema? Schema, IReadOnlyList<SchemaProblem> Problems);
