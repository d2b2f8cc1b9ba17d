using Pipeline.Diagnostics;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema;

/// <summary>
/// One way an instance breaks its schema. <see cref="Message"/> names the field and the reason in plain
/// English; <see cref="Field"/> is the property the error is about (the missing one for <c>required</c>,
/// the unknown one for <c>additionalProperties</c>, otherwise the last segment of
/// <see cref="InstancePointer"/>; null at the root); <see cref="SchemaPointer"/> locates the keyword
/// in the schema document.
/// </summary>
public sealed record SchemaError(
    string Keyword,
    string InstancePointer,
    SourcePosition Position,
    string Message,
    string SchemaPointer,
    string? Field);
