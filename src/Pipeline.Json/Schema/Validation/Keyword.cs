namespace Pipeline.Json;

/// <summary>One compiled check; <see cref="SchemaPointer"/> locates its keyword in the schema document.</summary>
internal abstract class Keyword(string schemaPointer)
{
    public string SchemaPointer { get; } = schemaPointer;

    public abstract void Validate(JsonValue instance, ValidationContext context);
}
