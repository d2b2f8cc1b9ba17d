namespace Pipeline.Json;

/// <summary><c>type</c>: one type name or several; "integer" accepts any number with an integral value.</summary>
internal sealed class TypeKeyword : Keyword
{
    public static readonly string[] Known = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private readonly string[] _types;
    private readonly bool _object, _array, _string, _number, _integer, _boolean, _null;

    public TypeKeyword(string schemaPointer, string[] types)
        : base(schemaPointer)
    {
        _types = types;
        _object = types.Contains("object");
        _array = types.Contains("array");
        _string = types.Contains("string");
        _number = types.Contains("number");
        _integer = types.Contains("integer");
        _boolean = types.Contains("boolean");
        _null = types.Contains("null");
    }

    public override void Validate(JsonValue instance, ValidationContext context) => Check(instance, context);

    public bool Check(JsonValue instance, ValidationContext context)
    {
        var matches = instance.Kind switch
        {
            JsonKind.Object => _object,
            JsonKind.Array => _array,
            JsonKind.String => _string,
            JsonKind.Number => _number || (_integer && instance.IsInteger),
            JsonKind.Boolean => _boolean,
            _ => _null,
        };
        if (!matches && !context.Failing()) context.Report(Finding.At(this, "type", instance, Wording.TypeMismatch(instance, _types), _types));
        return matches;
    }
}
