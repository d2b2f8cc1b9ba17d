namespace Pipeline.Json;

/// <summary><c>$ref</c>: validates against the node it points to, resolved once by the scan at load.</summary>
internal sealed class RefKeyword(JsonValue at, SchemaPointers pointers, SchemaNode target) : Keyword(at, pointers)
{
    public override void Validate(JsonValue instance, ValidationContext context) => target.Validate(instance, context);
}
