namespace Pipeline.Json;

/// <summary>
/// JSON Pointers of a schema's values relative to the schema document, which may itself sit inside a
/// larger parsed document. Worked out only when an error or problem needs one.
/// </summary>
internal sealed class SchemaPointers(JsonValue document)
{
    private string? _documentPointer;

    public string Of(JsonValue value)
    {
        var pointer = value.Pointer;
        var prefix = _documentPointer ??= document.Pointer;
        return pointer.StartsWith(prefix, StringComparison.Ordinal) ? pointer[prefix.Length..] : pointer;
    }
}
