using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Keywords;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// Compiles subschemas into <see cref="SchemaNode"/>s on demand: a node is created empty when its
/// parent is compiled and defined the first time validation enters it, so loading costs only the
/// <see cref="SchemaScan"/> and each validation compiles just what it reaches, once. The scan has
/// reported whatever is wrong; here a keyword that cannot be honoured is simply left out.
/// </summary>
/// <remarks>Validation may run on many threads at once: nodes are defined under a lock.</remarks>
internal sealed class SchemaCompiler
{
    private readonly SchemaPointers _pointers;
    private readonly TimeSpan _regexTimeout;
    private readonly Dictionary<JsonDatum, JsonDatum>? _references;

    // With references, a schema reached twice must be the same node, or recursive schemas would
    // grow a new node at every level. Without any, each schema has one parent and needs no table.
    private readonly Dictionary<JsonDatum, SchemaNode>? _nodes;
    private readonly List<Keyword> _keywords = [];
    private readonly Lock _lock = new();

    public SchemaCompiler(JsonDatum document, SchemaPointers pointers, TimeSpan regexTimeout, Dictionary<JsonDatum, JsonDatum>? references)
    {
        _pointers = pointers;
        _regexTimeout = regexTimeout;
        _references = references;
        if (references is not null) _nodes = new(ReferenceEqualityComparer.Instance);
        Root = NodeFor(document);
    }

    public SchemaNode Root { get; }

    public SchemaPointers Pointers => _pointers;

    public void Define(SchemaNode node)
    {
        lock (_lock)
        {
            if (node.IsDefined) return;
            _keywords.Clear();
            var type = Compile(node.Schema);
            node.Define(type, [.. _keywords]);
        }
    }

    private SchemaNode NodeFor(JsonDatum schema)
    {
        if (_nodes is null) return new SchemaNode(schema, this);
        if (!_nodes.TryGetValue(schema, out var node))
        {
            node = new SchemaNode(schema, this);
            _nodes.Add(schema, node);
        }
        return node;
    }

    /// <summary>Adds the schema's checks to <see cref="_keywords"/> and returns its <c>type</c>.</summary>
    private TypeSet? Compile(JsonDatum schema)
    {
        if (schema.Kind == JsonKind.Boolean)
        {
            if (!schema.Boolean) _keywords.Add(new FalseKeyword(schema, _pointers));
            return null;
        }
        if (schema.Kind != JsonKind.Object) return null;

        // Draft 4: a $ref replaces the whole schema object it sits in.
        if (schema.TryGet("$ref", out var reference))
        {
            // Unresolved and circular references are left out, so they accept everything.
            if (_references is not null && _references.TryGetValue(schema, out var target)) _keywords.Add(new RefKeyword(reference, _pointers, NodeFor(target)));
            return null;
        }

        TypeSet? type = null;
        var membersDone = false;
        var itemsDone = false;
        foreach (var value in schema.MemberArray)
        {
            Keyword? keyword = null;
            switch (value.MemberName)
            {
                case "type":
                    type = TypeSet.For(value);
                    break;
                case "enum":
                    if (KeywordValues.IsNonEmptyArray(value)) keyword = new EnumKeyword(value, _pointers, value.ItemArray);
                    break;
                case "const":
                    keyword = new ConstKeyword(value, _pointers);
                    break;
                case "properties" or "patternProperties" or "additionalProperties" when !membersDone:
                    membersDone = true;
                    keyword = Members(schema);
                    break;
                case "items" or "additionalItems" when !itemsDone:
                    itemsDone = true;
                    keyword = Items(schema);
                    break;
                case "required":
                    if (KeywordValues.IsNames(value)) keyword = new RequiredKeyword(value, _pointers, Names(value));
                    break;
                case "dependencies":
                    keyword = Dependencies(value);
                    break;
                case "minProperties" or "maxProperties" or "minItems" or "maxItems" or "minLength" or "maxLength":
                    if (KeywordValues.IsCount(value))
                    {
                        keyword = new CountKeyword(value, _pointers, value.MemberName, value.Number >= long.MaxValue ? long.MaxValue : (long)value.Number);
                    }
                    break;
                case "uniqueItems":
                    if (value is { Kind: JsonKind.Boolean, Boolean: true }) keyword = new UniqueItemsKeyword(value, _pointers);
                    break;
                case "pattern":
                    if (value.String is { } pattern && PatternCache.Get(pattern, _regexTimeout, out _) is { } regex)
                    {
                        keyword = new PatternKeyword(value, _pointers, pattern, regex);
                    }
                    break;
                case "format":
                    if (value.String is { } name && Formats.Find(name) is { } format) keyword = new FormatKeyword(value, _pointers, format);
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                    if (value.Kind == JsonKind.Number) keyword = Bound(schema, value.MemberName, value);
                    break;
                case "multipleOf":
                    if (KeywordValues.IsPositive(value)) keyword = new MultipleOfKeyword(value, _pointers);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    if (KeywordValues.IsNonEmptyArray(value)) keyword = Branches(value.MemberName, value);
                    break;
                case "not":
                    keyword = new NotKeyword(value, _pointers, NodeFor(value));
                    break;
            }
            if (keyword is not null) _keywords.Add(keyword);
        }
        return type;
    }

    private PropertiesKeyword? Members(JsonDatum schema)
    {
        var declared = schema["properties"]?.MemberArray ?? [];
        var properties = new Dictionary<string, SchemaNode>(declared.Length, StringComparer.Ordinal);
        foreach (var property in declared) properties[property.MemberName] = NodeFor(property);

        List<PropertiesKeyword.PatternProperty>? patterns = null;
        foreach (var property in schema["patternProperties"]?.MemberArray ?? [])
        {
            if (PatternCache.Get(property.MemberName, _regexTimeout, out _) is { } regex)
            {
                (patterns ??= []).Add(new(property.MemberName, regex, NodeFor(property), property));
            }
        }

        SchemaNode? additional = null;
        JsonDatum? forbidden = null;
        if (schema["additionalProperties"] is { } more)
        {
            if (more is { Kind: JsonKind.Boolean, Boolean: false }) forbidden = more;
            else if (more.Kind == JsonKind.Object) additional = NodeFor(more);
        }

        if (properties.Count == 0 && patterns is null && additional is null && forbidden is null) return null;
        return new PropertiesKeyword(schema, _pointers, properties, patterns?.ToArray() ?? [], additional, forbidden);
    }

    private ItemsKeyword? Items(JsonDatum schema)
    {
        var items = schema["items"];
        if (items is null) return null; // additionalItems means nothing without positional items
        if (items.Kind is JsonKind.Object or JsonKind.Boolean)
        {
            return items is { Kind: JsonKind.Boolean, Boolean: true } ? null : new ItemsKeyword(items, _pointers, NodeFor(items), null, null, null);
        }
        if (items.Kind != JsonKind.Array) return null;

        SchemaNode? additional = null;
        JsonDatum? forbidden = null;
        if (schema["additionalItems"] is { } more)
        {
            if (more is { Kind: JsonKind.Boolean, Boolean: false }) forbidden = more;
            else if (more.Kind == JsonKind.Object) additional = NodeFor(more);
        }
        return new ItemsKeyword(items, _pointers, null, Nodes(items), additional, forbidden);
    }

    private DependenciesKeyword? Dependencies(JsonDatum value)
    {
        List<DependenciesKeyword.Dependency>? dependencies = null;
        foreach (var dependency in value.MemberArray)
        {
            if (KeywordValues.IsNames(dependency)) (dependencies ??= []).Add(new(dependency.MemberName, Names(dependency), null));
            else if (dependency.Kind is JsonKind.Object or JsonKind.Boolean) (dependencies ??= []).Add(new(dependency.MemberName, [], NodeFor(dependency)));
        }
        return dependencies is null ? null : new DependenciesKeyword(value, _pointers, [.. dependencies]);
    }

    private BoundKeyword Bound(JsonDatum schema, string name, JsonDatum value)
    {
        var isMinimum = name is "minimum" or "exclusiveMinimum";
        if (name.StartsWith("exclusive", StringComparison.Ordinal)) return new BoundKeyword(value, _pointers, name, isMinimum, exclusive: true);
        var modifier = schema[isMinimum ? "exclusiveMinimum" : "exclusiveMaximum"];
        return new BoundKeyword(value, _pointers, name, isMinimum, exclusive: modifier is { Kind: JsonKind.Boolean, Boolean: true });
    }

    private Keyword Branches(string name, JsonDatum value)
    {
        var branches = Nodes(value);
        return name switch
        {
            "allOf" => new AllOfKeyword(value, _pointers, branches),
            "anyOf" => new AnyOfKeyword(value, _pointers, branches),
            _ => new OneOfKeyword(value, _pointers, branches),
        };
    }

    private SchemaNode[] Nodes(JsonDatum array)
    {
        var items = array.ItemArray;
        var nodes = new SchemaNode[items.Length];
        for (var i = 0; i < items.Length; i++) nodes[i] = NodeFor(items[i]);
        return nodes;
    }

    private static string[] Names(JsonDatum array)
    {
        var items = array.ItemArray;
        var names = new string[items.Length];
        for (var i = 0; i < items.Length; i++) names[i] = items[i].String!;
        return names;
    }
}
