using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Keywords;

namespace Pipeline.Json.Schema.Validation;

/// <summary>
/// One subschema: its <c>type</c>, checked first, and its other checks. A node is created empty when
/// its parent is compiled and defined by its <see cref="SchemaCompiler"/> the first time validation
/// enters it, so <c>$ref</c> cycles are plain object references and a validation compiles only the
/// part of the schema it reaches.
/// </summary>
internal sealed class SchemaNode(JsonDatum schema, SchemaCompiler compiler)
{
    private TypeSet? _types;
    private Keyword[] _keywords = [];

    // Written last, after the checks: a thread that sees it set sees them too.
    private volatile bool _defined;

    /// <summary>The schema value this node is compiled from.</summary>
    public JsonDatum Schema { get; } = schema;

    public bool IsDefined => _defined;

    public void Define(TypeSet? types, Keyword[] keywords)
    {
        _types = types;
        _keywords = keywords;
        _defined = true;
    }

    public void Validate(JsonDatum instance, ValidationContext context)
    {
        if (!_defined) compiler.Define(this);
        if (_types is null && _keywords.Length == 0) return;
        if (!context.Enter(instance)) return;

        // A value of the wrong type gets that one error: the other keywords would only add noise.
        if (_types is null || _types.Allows(instance))
        {
            foreach (var keyword in _keywords)
            {
                keyword.Validate(instance, context);
                if (context.Failed) break;
            }
        }
        else if (!context.Failing())
        {
            ReportType(instance, context);
        }
        context.Exit();
    }

    private void ReportType(JsonDatum instance, ValidationContext context)
    {
        var names = _types!.Names;
        var pointer = compiler.Pointers.Of(Schema["type"]!);
        context.Report(new Finding("type", instance, Wording.TypeMismatch(instance, names), pointer, Wording.Field(instance), false, names));
    }
}
