namespace Pipeline.Json;

internal sealed partial class SchemaCompiler
{
    private void Define(SchemaNode node, JsonValue schema)
    {
        if (schema.Kind == JsonKind.Boolean)
        {
            if (!schema.Boolean) node.Define(null, [new FalseKeyword(Pointer(schema))]);
            return;
        }
        if (schema.Kind != JsonKind.Object)
        {
            Problem(schema, $"a schema must be a JSON object, not {Wording.Actual(schema)}");
            return;
        }

        // Draft 4: a $ref replaces the whole schema object it sits in.
        if (schema.TryGet("$ref", out var reference))
        {
            DefineReference(node, reference);
            return;
        }

        TypeKeyword? type = null;
        var keywords = new List<Keyword>();
        var membersDone = false;
        var itemsDone = false;
        foreach (var member in schema.Properties)
        {
            var value = member.Value;
            Keyword? keyword = null;
            switch (member.Name)
            {
                case "type":
                    type = Type(value);
                    break;
                case "enum":
                    keyword = value is { Kind: JsonKind.Array, Items.Count: > 0 }
                        ? new EnumKeyword(Pointer(value), [.. value.Items])
                        : Invalid(value, "`enum` must be a non-empty array");
                    break;
                case "const":
                    keyword = new ConstKeyword(Pointer(value), value);
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
                    keyword = value.Kind == JsonKind.Array && value.Items.All(name => name.Kind == JsonKind.String)
                        ? new RequiredKeyword(Pointer(value), [.. value.Items.Select(name => name.String!)])
                        : Invalid(value, "`required` must be an array of property names");
                    break;
                case "dependencies":
                    keyword = Dependencies(value);
                    break;
                case "minProperties" or "maxProperties" or "minItems" or "maxItems" or "minLength" or "maxLength":
                    keyword = value is { Kind: JsonKind.Number, IsInteger: true, Number: >= 0 }
                        ? new CountKeyword(Pointer(value), member.Name, value.Number >= long.MaxValue ? long.MaxValue : (long)value.Number)
                        : Invalid(value, $"`{member.Name}` must be a non-negative integer");
                    break;
                case "uniqueItems":
                    keyword = value.Kind == JsonKind.Boolean
                        ? value.Boolean ? new UniqueItemsKeyword(Pointer(value)) : null
                        : Invalid(value, "`uniqueItems` must be a boolean");
                    break;
                case "pattern":
                    keyword = Pattern(value);
                    break;
                case "format":
                    keyword = value.Kind == JsonKind.String && Formats.Find(value.String!) is { } format
                        ? new FormatKeyword(Pointer(value), format)
                        : null;
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                    keyword = Bound(schema, member.Name, value);
                    break;
                case "multipleOf":
                    keyword = value is { Kind: JsonKind.Number, Number: > 0 }
                        ? new MultipleOfKeyword(Pointer(value), value)
                        : Invalid(value, "`multipleOf` must be a number greater than 0");
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    keyword = Branches(member.Name, value);
                    break;
                case "not":
                    keyword = new NotKeyword(Pointer(value), NodeFor(value));
                    break;
            }
            if (keyword is not null) keywords.Add(keyword);
        }
        node.Define(type, [.. keywords]);
    }

    private TypeKeyword? Type(JsonValue value)
    {
        var names = value.Kind == JsonKind.Array ? value.Items : [value];
        var types = new List<string>();
        foreach (var name in names)
        {
            if (name.Kind == JsonKind.String && TypeKeyword.Known.Contains(name.String)) types.Add(name.String!);
            else Problem(name, $"unknown type {Wording.Value(name)}; expected one of {string.Join(", ", TypeKeyword.Known)}");
        }
        return types.Count > 0 ? new TypeKeyword(Pointer(value), [.. types.Distinct()]) : null;
    }

    private PropertiesKeyword? Members(JsonValue schema)
    {
        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        if (schema["properties"] is { } declared)
        {
            if (declared.Kind != JsonKind.Object) Problem(declared, "`properties` must be an object");
            foreach (var property in declared.Properties) properties[property.Name] = NodeFor(property.Value);
        }

        var patterns = new List<PropertiesKeyword.PatternProperty>();
        if (schema["patternProperties"] is { } patterned)
        {
            if (patterned.Kind != JsonKind.Object) Problem(patterned, "`patternProperties` must be an object");
            foreach (var property in patterned.Properties)
            {
                var regex = _patterns.Compile(property.Name, out var error);
                if (regex is null) Problems.Add(new SchemaProblem(Pointer(property.Value), property.NamePosition, $"invalid regular expression `{property.Name}` in `patternProperties`: {error}"));
                else patterns.Add(new(property.Name, regex, NodeFor(property.Value), Pointer(property.Value)));
            }
        }

        SchemaNode? additional = null;
        string? forbidden = null;
        if (schema["additionalProperties"] is { } more)
        {
            if (more.Kind == JsonKind.Boolean && !more.Boolean) forbidden = Pointer(more);
            else if (more.Kind == JsonKind.Object) additional = NodeFor(more);
            else if (more.Kind != JsonKind.Boolean) Problem(more, "`additionalProperties` must be a boolean or a schema");
        }

        if (properties.Count == 0 && patterns.Count == 0 && additional is null && forbidden is null) return null;
        return new PropertiesKeyword(Pointer(schema), properties, [.. patterns], additional, forbidden);
    }

    private ItemsKeyword? Items(JsonValue schema)
    {
        var items = schema["items"];
        if (items is null) return null; // additionalItems means nothing without positional items
        if (items.Kind is JsonKind.Object or JsonKind.Boolean)
        {
            return items.Kind == JsonKind.Boolean && items.Boolean ? null : new ItemsKeyword(Pointer(items), NodeFor(items), null, null, null);
        }
        if (items.Kind != JsonKind.Array)
        {
            Problem(items, "`items` must be a schema or an array of schemas");
            return null;
        }

        SchemaNode? additional = null;
        string? forbidden = null;
        if (schema["additionalItems"] is { } more)
        {
            if (more.Kind == JsonKind.Boolean && !more.Boolean) forbidden = Pointer(more);
            else if (more.Kind == JsonKind.Object) additional = NodeFor(more);
            else if (more.Kind != JsonKind.Boolean) Problem(more, "`additionalItems` must be a boolean or a schema");
        }
        return new ItemsKeyword(Pointer(items), null, [.. items.Items.Select(NodeFor)], additional, forbidden);
    }

    private DependenciesKeyword? Dependencies(JsonValue value)
    {
        if (value.Kind != JsonKind.Object) return Invalid(value, "`dependencies` must be an object") as DependenciesKeyword;
        var dependencies = new List<DependenciesKeyword.Dependency>();
        foreach (var member in value.Properties)
        {
            var dependency = member.Value;
            if (dependency.Kind == JsonKind.Array && dependency.Items.All(name => name.Kind == JsonKind.String))
            {
                dependencies.Add(new(member.Name, [.. dependency.Items.Select(name => name.String!)], null));
            }
            else if (dependency.Kind is JsonKind.Object or JsonKind.Boolean)
            {
                dependencies.Add(new(member.Name, [], NodeFor(dependency)));
            }
            else
            {
                Problem(dependency, "a dependency must be an array of property names or a schema");
            }
        }
        return dependencies.Count > 0 ? new DependenciesKeyword(Pointer(value), [.. dependencies]) : null;
    }

    private PatternKeyword? Pattern(JsonValue value)
    {
        if (value.Kind != JsonKind.String) return Invalid(value, "`pattern` must be a string") as PatternKeyword;
        var regex = _patterns.Compile(value.String!, out var error);
        if (regex is not null) return new PatternKeyword(Pointer(value), value.String!, regex);
        Problem(value, $"invalid regular expression in `pattern`: {error}");
        return null;
    }

    private BoundKeyword? Bound(JsonValue schema, string name, JsonValue value)
    {
        var isMinimum = name is "minimum" or "exclusiveMinimum";
        if (value.Kind == JsonKind.Boolean && name.StartsWith("exclusive", StringComparison.Ordinal)) return null; // draft 4 modifier, read below
        if (value.Kind != JsonKind.Number) return Invalid(value, $"`{name}` must be a number") as BoundKeyword;
        if (name.StartsWith("exclusive", StringComparison.Ordinal))
        {
            return new BoundKeyword(Pointer(value), name, value.Number, value.NumberText!, isMinimum, exclusive: true);
        }
        var modifier = schema[isMinimum ? "exclusiveMinimum" : "exclusiveMaximum"];
        var exclusive = modifier is { Kind: JsonKind.Boolean, Boolean: true };
        return new BoundKeyword(Pointer(value), name, value.Number, value.NumberText!, isMinimum, exclusive);
    }

    private Keyword? Branches(string name, JsonValue value)
    {
        if (value is not { Kind: JsonKind.Array, Items.Count: > 0 }) return Invalid(value, $"`{name}` must be a non-empty array of schemas");
        SchemaNode[] branches = [.. value.Items.Select(NodeFor)];
        var pointer = Pointer(value);
        return name switch
        {
            "allOf" => new AllOfKeyword(pointer, branches),
            "anyOf" => new AnyOfKeyword(pointer, branches),
            _ => new OneOfKeyword(pointer, branches),
        };
    }

    private Keyword? Invalid(JsonValue value, string message)
    {
        Problem(value, message);
        return null;
    }
}
