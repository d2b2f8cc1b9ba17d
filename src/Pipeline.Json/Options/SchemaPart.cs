using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// One schema that describes an option, after <c>$ref</c>s are followed. A definite part applies
/// whenever the option is set (the option's own schema, its <c>allOf</c> branches); a conditional
/// one only in some cases (an <c>anyOf</c>/<c>oneOf</c> branch, a schema under <c>dependencies</c>).
/// </summary>
internal readonly record struct SchemaPart(JsonDatum Schema, bool Definite);
