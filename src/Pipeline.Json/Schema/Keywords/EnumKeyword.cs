namespace Pipeline.Json;

/// <summary><c>enum</c>: the value must equal one of a list (JSON equality).</summary>
internal sealed class EnumKeyword(string schemaPointer, JsonValue[] values) : Keyword(schemaPointer)
{
    private readonly string[] _rendered = [.. values.Select(Wording.Value)];

    // Most enums list strings; those are checked with a set.
    private readonly HashSet<string>? _strings = values.All(v => v.Kind == JsonKind.String)
        ? new HashSet<string>(values.Select(v => v.String!), StringComparer.Ordinal)
        : null;

    public override void Validate(JsonValue instance, ValidationContext context)
    {
        var found = _strings is not null
            ? instance.Kind == JsonKind.String && _strings.Contains(instance.String!)
            : values.Any(allowed => JsonEquality.Equal(allowed, instance));
        if (!found && !context.Failing()) context.Report(Finding.At(this, "enum", instance, Wording.OneOf(instance, _rendered), _rendered));
    }
}
