using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema;

/// <summary>
/// A JSON Schema (draft 4, plus draft 6/7's <c>const</c> and numeric exclusive bounds) compiled into a
/// tree of checks. Load once, validate many documents; validation is thread-safe, never touches the
/// network and is bounded in depth and work.
/// </summary>
/// <remarks>
/// Loading only scans the document for problems; each subschema is compiled the first time a
/// validation reaches it, so a schema pays for the parts its documents use.
/// </remarks>
public sealed class JsonSchema
{
    private readonly SchemaNode _root;

    private JsonSchema(JsonDatum document, SchemaNode root)
    {
        Document = document;
        _root = root;
    }

    public JsonDatum Document { get; }

    public static SchemaLoadResult Load(JsonDatum schemaDocument, SchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schemaDocument);
        options ??= SchemaOptions.Default;
        var pointers = new SchemaPointers(schemaDocument);
        var scan = SchemaScan.Run(schemaDocument, pointers, options);
        if (!scan.IsSchema) return new SchemaLoadResult(null, scan.Problems);
        var compiler = new SchemaCompiler(schemaDocument, pointers, options.RegexTimeout, scan.References);
        return new SchemaLoadResult(new JsonSchema(schemaDocument, compiler.Root), scan.Problems);
    }

    public IReadOnlyList<SchemaError> Validate(JsonDatum instance) => Validate(instance, out _);

    /// <summary>Validates, also saying how many subschemas it entered: the work, for tests to bound.</summary>
    internal IReadOnlyList<SchemaError> Validate(JsonDatum instance, out long steps)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var context = new ValidationContext();
        _root.Validate(instance, context);
        steps = context.Steps;
        return context.Errors();
    }
}
