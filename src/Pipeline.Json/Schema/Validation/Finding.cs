using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Validation;

/// <summary>
/// A <see cref="SchemaError"/> before its position and pointer are worked out: branches of
/// <c>anyOf</c>/<c>oneOf</c> produce many findings that are thrown away, so that work waits until the end.
/// </summary>
/// <param name="AtName">When set, the error is placed at the member name of <paramref name="Instance"/> rather than at its value.</param>
/// <param name="Allowed">For <c>type</c>: the type names; for <c>enum</c>/<c>const</c>: the allowed values as JSON. Used to merge branches.</param>
internal sealed record Finding(
    string Keyword,
    JsonDatum Instance,
    string Message,
    string SchemaPointer,
    string? Field,
    bool AtName = false,
    IReadOnlyList<string>? Allowed = null)
{
    public static Finding At(Keyword keyword, string name, JsonDatum instance, string message, IReadOnlyList<string>? allowed = null) =>
        new(name, instance, message, keyword.SchemaPointer, Wording.Field(instance), false, allowed);

    /// <summary>True for the keywords that say what shape a value has: the ones that tell branches apart.</summary>
    public bool IsShape => Keyword is "type" or "enum" or "const";

    public SchemaError ToError() =>
        new(Keyword, Instance.Pointer, AtName ? Instance.NamePosition : Instance.Position, Message, SchemaPointer, Field);
}
