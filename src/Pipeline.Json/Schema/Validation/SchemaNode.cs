namespace Pipeline.Json;

/// <summary>
/// One compiled subschema: its checks, <c>type</c> first. Nodes are created empty and filled in later
/// by the compiler, so <c>$ref</c> cycles are plain object references and never recursion at load.
/// </summary>
internal sealed class SchemaNode(JsonValue? schema)
{
    private TypeKeyword? _type;
    private Keyword[] _keywords = [];

    /// <summary>The schema object this node was compiled from (null for nodes made up by the compiler).</summary>
    public JsonValue? Schema { get; } = schema;

    /// <summary>Set when the node is nothing but a <c>$ref</c>; used to find reference cycles.</summary>
    public SchemaNode? RefersTo { get; private set; }

    public void Define(TypeKeyword? type, Keyword[] keywords, SchemaNode? refersTo = null)
    {
        _type = type;
        _keywords = keywords;
        RefersTo = refersTo;
    }

    public void AcceptEverything() => Define(null, []);

    public void Validate(JsonValue instance, ValidationContext context)
    {
        if (_type is null && _keywords.Length == 0) return;
        if (!context.Enter(instance)) return;

        // A value of the wrong type gets that one error: the other keywords would only add noise.
        if (_type is null || _type.Check(instance, context))
        {
            foreach (var keyword in _keywords)
            {
                keyword.Validate(instance, context);
                if (context.Failed) break;
            }
        }
        context.Exit();
    }
}
