namespace Pipeline.Json;

/// <summary>
/// A JSON Schema (draft 4, plus draft 6/7's <c>const</c> and numeric exclusive bounds) compiled into a
/// tree of checks. Load once, validate many documents; validation is thread-safe, never touches the
/// network and is bounded in depth and work.
/// </summary>
public sealed class JsonSchema
{
    private readonly SchemaNode _root;

    private JsonSchema(JsonValue document, SchemaNode root)
    {
        Document = document;
        _root = root;
    }

    public JsonValue Document { get; }

    public static SchemaLoadResult Load(JsonValue schemaDocument, SchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schemaDocument);
        var compiler = new SchemaCompiler(schemaDocument, options ?? SchemaOptions.Default);
        var root = compiler.Compile();
        var schema = root is null ? null : new JsonSchema(schemaDocument, root);
        return new SchemaLoadResult(schema, compiler.Problems);
    }

    public IReadOnlyList<SchemaError> Validate(JsonValue instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var context = new ValidationContext();
        _root.Validate(instance, context);
        return context.Errors();
    }
}
