using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// JSON Pointers of a schema's values relative to the schema document, which may itself sit inside a
/// larger parsed document. Worked out only when an error or problem needs one.
/// </summary>
internal sealed class SchemaPointers(JsonDatum document)
{
    private string? _documentPointer;

    public string Of(JsonDatum value)
    {
        var pointer = value.Pointer;
        var prefix = _documentPointer ??= document.Pointer;
        return pointer.StartsWith(prefix, StringComparison.Ordinal) ? pointer[prefix.Length..] : pointer;
    }
}
