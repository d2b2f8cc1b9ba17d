namespace Pipeline.Json;

/// <summary><c>const</c> (draft 6): the value must equal one given value.</summary>
internal sealed class ConstKeyword(string schemaPointer, JsonValue value) : Keyword(schemaPointer)
{
    private readonly string[] _rendered = [Wording.Value(value)];

    public override void Validate(JsonValue instance, ValidationContext context)
    {
        if (!JsonEquality.Equal(value, instance) && !context.Failing()) context.Report(Finding.At(this, "const", instance, Wording.OneOf(instance, _rendered), _rendered));
    }
}
