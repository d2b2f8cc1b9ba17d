using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Keywords;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// Finds what is wrong in a schema document without compiling it. Every subschema compilation could
/// reach is visited once, breadth first from the root as the compiler would define them, and checked
/// keyword by keyword, so problems come out in the order compiling everything would report them.
/// Kept for <see cref="SchemaCompiler"/>: where each <c>$ref</c> leads, except references in a
/// circular chain, which accept everything.
/// </summary>
internal sealed class SchemaScan
{
    private readonly JsonDatum _document;
    private readonly SchemaPointers _pointers;
    private readonly TimeSpan _regexTimeout;
    private readonly ISchemaDocumentSource? _remote;
    private readonly Queue<(JsonDatum Schema, bool Foreign)> _pending = new();

    // Visited subschemas of the document by token row; those of other documents (only ever given by
    // SchemaOptions.RemoteDocuments) by identity.
    private readonly bool[] _seen;
    private HashSet<JsonDatum>? _seenForeign;

    // Whether the schema being checked lies in another document: so do its subschemas.
    private bool _foreign;
    private RefResolver? _resolver;
    private List<JsonDatum>? _referring;

    private SchemaScan(JsonDatum document, SchemaPointers pointers, TimeSpan regexTimeout, ISchemaDocumentSource? remote)
    {
        _document = document;
        _pointers = pointers;
        _regexTimeout = regexTimeout;
        _remote = remote;
        _seen = new bool[document.RowSpan];
    }

    public List<SchemaProblem> Problems { get; } = [];

    /// <summary>False when the document is not a schema at all.</summary>
    public bool IsSchema { get; private set; }

    /// <summary>The target of every schema that is a resolvable, non-circular <c>$ref</c>; null when there is none.</summary>
    public Dictionary<JsonDatum, JsonDatum>? References { get; private set; }

    public static SchemaScan Run(JsonDatum document, SchemaPointers pointers, SchemaOptions options)
    {
        var scan = new SchemaScan(document, pointers, options.RegexTimeout, options.RemoteDocuments);
        scan.Walk();
        return scan;
    }

    private void Walk()
    {
        if (_document.Kind is not (JsonKind.Object or JsonKind.Boolean))
        {
            Problem(_document, $"a schema must be a JSON object, not {Wording.Actual(_document)}");
            return;
        }
        IsSchema = true;
        Visit(_document);
        while (_pending.TryDequeue(out var next))
        {
            _foreign = next.Foreign;
            Check(next.Schema);
        }
        BreakReferenceCycles();
    }

    private void Visit(JsonDatum schema) => Visit(schema, _foreign);

    private void Visit(JsonDatum schema, bool foreign)
    {
        if (foreign)
        {
            if (!(_seenForeign ??= new(ReferenceEqualityComparer.Instance)).Add(schema)) return;
        }
        else
        {
            ref var seen = ref _seen[schema.Row - _document.Row];
            if (seen) return;
            seen = true;
        }
        _pending.Enqueue((schema, foreign));
    }

    private void Check(JsonDatum schema)
    {
        if (schema.Kind == JsonKind.Boolean) return;
        if (schema.Kind != JsonKind.Object)
        {
            Problem(schema, $"a schema must be a JSON object, not {Wording.Actual(schema)}");
            return;
        }

        // Draft 4: a $ref replaces the whole schema object it sits in.
        if (schema.TryGet("$ref", out var reference))
        {
            CheckReference(schema, reference);
            return;
        }

        var membersDone = false;
        var itemsDone = false;
        foreach (var value in schema.MemberArray)
        {
            switch (value.MemberName)
            {
                case "type":
                    CheckType(value);
                    break;
                case "enum":
                    if (!KeywordValues.IsNonEmptyArray(value)) Problem(value, "`enum` must be a non-empty array");
                    break;
                case "properties" or "patternProperties" or "additionalProperties" when !membersDone:
                    membersDone = true;
                    CheckMembers(schema);
                    break;
                case "items" or "additionalItems" when !itemsDone:
                    itemsDone = true;
                    CheckItems(schema);
                    break;
                case "required":
                    if (!KeywordValues.IsNames(value)) Problem(value, "`required` must be an array of property names");
                    break;
                case "dependencies":
                    CheckDependencies(value);
                    break;
                case "minProperties" or "maxProperties" or "minItems" or "maxItems" or "minLength" or "maxLength":
                    if (!KeywordValues.IsCount(value)) Problem(value, $"`{value.MemberName}` must be a non-negative integer");
                    break;
                case "uniqueItems":
                    if (value.Kind != JsonKind.Boolean) Problem(value, "`uniqueItems` must be a boolean");
                    break;
                case "pattern":
                    CheckPattern(value);
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                    if (!KeywordValues.IsBound(value.MemberName, value)) Problem(value, $"`{value.MemberName}` must be a number");
                    break;
                case "multipleOf":
                    if (!KeywordValues.IsPositive(value)) Problem(value, "`multipleOf` must be a number greater than 0");
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    if (!KeywordValues.IsNonEmptyArray(value)) Problem(value, $"`{value.MemberName}` must be a non-empty array of schemas");
                    else foreach (var branch in value.ItemArray) Visit(branch);
                    break;
                case "not":
                    Visit(value);
                    break;
            }
        }
    }

    private void CheckType(JsonDatum value)
    {
        if (value.Kind != JsonKind.Array) CheckTypeName(value);
        else foreach (var name in value.ItemArray) CheckTypeName(name);
    }

    private void CheckTypeName(JsonDatum name)
    {
        if (name.Kind == JsonKind.String && TypeSet.Flag(name.String) != 0) return;
        Problem(name, $"unknown type {Wording.Value(name)}; expected one of {string.Join(", ", TypeSet.Known)}");
    }

    private void CheckMembers(JsonDatum schema)
    {
        if (schema["properties"] is { } declared)
        {
            if (declared.Kind != JsonKind.Object) Problem(declared, "`properties` must be an object");
            foreach (var property in declared.MemberArray) Visit(property);
        }
        if (schema["patternProperties"] is { } patterned)
        {
            if (patterned.Kind != JsonKind.Object) Problem(patterned, "`patternProperties` must be an object");
            foreach (var property in patterned.MemberArray)
            {
                if (PatternCache.Get(property.MemberName, _regexTimeout, out var error) is not null)
                {
                    Visit(property);
                    continue;
                }
                var message = $"invalid regular expression `{property.MemberName}` in `patternProperties`: {error}";
                Problems.Add(new SchemaProblem(_pointers.Of(property), property.NamePosition, message));
            }
        }
        if (schema["additionalProperties"] is { } more)
        {
            if (more.Kind == JsonKind.Object) Visit(more);
            else if (more.Kind != JsonKind.Boolean) Problem(more, "`additionalProperties` must be a boolean or a schema");
        }
    }

    private void CheckItems(JsonDatum schema)
    {
        var items = schema["items"];
        if (items is null) return; // additionalItems means nothing without positional items
        if (items.Kind is JsonKind.Object or JsonKind.Boolean)
        {
            Visit(items);
            return;
        }
        if (items.Kind != JsonKind.Array)
        {
            Problem(items, "`items` must be a schema or an array of schemas");
            return;
        }
        if (schema["additionalItems"] is { } more)
        {
            if (more.Kind == JsonKind.Object) Visit(more);
            else if (more.Kind != JsonKind.Boolean) Problem(more, "`additionalItems` must be a boolean or a schema");
        }
        foreach (var item in items.ItemArray) Visit(item);
    }

    private void CheckDependencies(JsonDatum value)
    {
        if (value.Kind != JsonKind.Object)
        {
            Problem(value, "`dependencies` must be an object");
            return;
        }
        foreach (var dependency in value.MemberArray)
        {
            if (KeywordValues.IsNames(dependency)) continue;
            if (dependency.Kind is JsonKind.Object or JsonKind.Boolean) Visit(dependency);
            else Problem(dependency, "a dependency must be an array of property names or a schema");
        }
    }

    private void CheckPattern(JsonDatum value)
    {
        if (value.Kind != JsonKind.String) Problem(value, "`pattern` must be a string");
        else if (PatternCache.Get(value.String!, _regexTimeout, out var error) is null) Problem(value, $"invalid regular expression in `pattern`: {error}");
    }

    private void CheckReference(JsonDatum schema, JsonDatum reference)
    {
        if (reference.Kind != JsonKind.String)
        {
            Problem(reference, "`$ref` must be a string");
            return;
        }
        var text = reference.String!;
        var resolution = (_resolver ??= new RefResolver(_document, _remote)).Resolve(schema, text);
        if (resolution.Target is { } target)
        {
            (References ??= new(ReferenceEqualityComparer.Instance))[schema] = target;
            (_referring ??= []).Add(schema);
            Visit(target, resolution.Foreign);
        }
        else if (resolution.IsRemote)
        {
            Problem(reference, $"remote $ref `{text}` is not followed (no network during validation)");
        }
        else
        {
            Problem(reference, resolution.Within is { } within
                ? $"$ref `{text}` points to nothing in the subschema at `{_pointers.Of(within)}`, whose id `{SchemaPositions.Id(within)}` it resolves against"
                : $"$ref `{text}` points to nothing in this schema");
        }
    }

    /// <summary>
    /// A chain of schemas that are only <c>$ref</c>s and lead back to themselves never reaches a check:
    /// each such chain is reported once, and every reference on it (with those leading into it) is
    /// dropped, so it accepts everything.
    /// </summary>
    private void BreakReferenceCycles()
    {
        if (_referring is null || References is not { } references) return;
        foreach (var start in _referring)
        {
            HashSet<JsonDatum>? chain = null;
            for (var schema = start; references.TryGetValue(schema, out var next); schema = next)
            {
                chain ??= new HashSet<JsonDatum>(ReferenceEqualityComparer.Instance);
                if (chain.Add(schema)) continue;
                var reference = schema["$ref"]!;
                Problem(reference, $"circular $ref `{reference.String}` never reaches a schema; it accepts everything");
                foreach (var member in chain) references.Remove(member);
                break;
            }
        }
    }

    private void Problem(JsonDatum at, string message) => Problems.Add(new SchemaProblem(_pointers.Of(at), at.Position, message));
}
