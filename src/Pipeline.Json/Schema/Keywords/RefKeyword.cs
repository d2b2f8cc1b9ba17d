namespace Pipeline.Json;

/// <summary><c>$ref</c>: validates against the node it points to, resolved once at load.</summary>
internal sealed class RefKeyword(string schemaPointer, SchemaNode target) : Keyword(schemaPointer)
{
    public override void Validate(JsonValue instance, ValidationContext context) => target.Validate(instance, context);
}
