namespace Pipeline.Json;

/// <summary>
/// Compiles a schema document into <see cref="SchemaNode"/>s. Each schema object becomes one node,
/// created empty when first referenced and defined from a work queue, so nesting and <c>$ref</c>
/// cycles never recurse. What cannot be honoured is reported and then accepts everything.
/// </summary>
internal sealed partial class SchemaCompiler(JsonValue document, SchemaOptions options)
{
    private readonly Dictionary<JsonValue, SchemaNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<SchemaNode> _pending = new();
    private readonly PatternCache _patterns = new(options.RegexTimeout);
    private readonly RefResolver _references = new(document);
    private readonly string _documentPointer = document.Pointer;

    public List<SchemaProblem> Problems { get; } = [];

    /// <summary>The root node, or null when the document is not a schema at all.</summary>
    public SchemaNode? Compile()
    {
        if (document.Kind is not (JsonKind.Object or JsonKind.Boolean))
        {
            Problem(document, $"a schema must be a JSON object, not {Wording.Actual(document)}");
            return null;
        }
        var root = NodeFor(document);
        while (_pending.TryDequeue(out var node)) Define(node, node.Schema!);
        BreakReferenceCycles();
        return root;
    }

    private SchemaNode NodeFor(JsonValue schema)
    {
        if (!_nodes.TryGetValue(schema, out var node))
        {
            node = new SchemaNode(schema);
            _nodes.Add(schema, node);
            _pending.Enqueue(node);
        }
        return node;
    }

    private void DefineReference(SchemaNode node, JsonValue reference)
    {
        if (reference.Kind != JsonKind.String)
        {
            Problem(reference, "`$ref` must be a string");
            return;
        }
        var text = reference.String!;
        var resolution = _references.Resolve(text);
        if (resolution.Target is { } target)
        {
            var targetNode = NodeFor(target);
            node.Define(null, [new RefKeyword(Pointer(reference), targetNode)], targetNode);
        }
        else if (resolution.IsRemote)
        {
            Problem(reference, $"remote $ref `{text}` is not followed (no network during validation)");
        }
        else
        {
            Problem(reference, $"$ref `{text}` points to nothing in this schema");
        }
    }

    /// <summary>A chain of nodes that are only <c>$ref</c>s and lead back to themselves never reaches a check.</summary>
    private void BreakReferenceCycles()
    {
        foreach (var start in _nodes.Values)
        {
            var chain = new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance);
            for (var node = start; node.RefersTo is { } next; node = next)
            {
                if (!chain.Add(node))
                {
                    var reference = node.Schema!["$ref"]!;
                    Problem(reference, $"circular $ref `{reference.String}` never reaches a schema; it accepts everything");
                    foreach (var member in chain) member.AcceptEverything();
                    break;
                }
            }
        }
    }

    /// <summary>The pointer of a schema value relative to the schema document.</summary>
    private string Pointer(JsonValue value)
    {
        var pointer = value.Pointer;
        return pointer.StartsWith(_documentPointer, StringComparison.Ordinal) ? pointer[_documentPointer.Length..] : pointer;
    }

    private void Problem(JsonValue at, string message) => Problems.Add(new SchemaProblem(Pointer(at), at.Position, message));
}
