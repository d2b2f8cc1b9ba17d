using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>$ref</c>: validates against the node it points to, resolved once by the scan at load.</summary>
internal sealed class RefKeyword(JsonDatum at, SchemaPointers pointers, SchemaNode target) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context) => target.Validate(instance, context);
}
