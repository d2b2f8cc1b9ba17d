using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;

namespace Pipeline.Json.Schema.Validation;

/// <summary>
/// One compiled check, made from the value <paramref name="at"/> of its keyword. <see cref="SchemaPointer"/>
/// locates it in the schema document; it is worked out only when an error needs it.
/// </summary>
internal abstract class Keyword(JsonDatum at, SchemaPointers pointers)
{
    private string? _schemaPointer;

    public string SchemaPointer => _schemaPointer ??= pointers.Of(at);

    /// <summary>The keyword's value in the schema.</summary>
    protected JsonDatum At => at;

    protected SchemaPointers Pointers => pointers;

    public abstract void Validate(JsonDatum instance, ValidationContext context);
}
