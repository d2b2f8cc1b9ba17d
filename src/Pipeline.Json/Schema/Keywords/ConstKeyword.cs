namespace Pipeline.Json;

/// <summary><c>const</c> (draft 6): the value must equal one given value.</summary>
internal sealed class ConstKeyword(JsonValue at, SchemaPointers pointers) : Keyword(at, pointers)
{
    public override void Validate(JsonValue instance, ValidationContext context)
    {
        if (JsonEquality.Equal(At, instance) || context.Failing()) return;
        string[] rendered = [Wording.Value(At)];
        context.Report(Finding.At(this, "const", instance, Wording.OneOf(instance, rendered), rendered));
    }
}
