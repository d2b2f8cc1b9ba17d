using Pipeline.Diagnostics;

namespace Pipeline.Json.Schema;

/// <summary>Something wrong in a schema document, at the keyword concerned (a JSON Pointer into the schema).</summary>
public sealed record SchemaProblem(string SchemaPointer, SourcePosition Position, string Message);
