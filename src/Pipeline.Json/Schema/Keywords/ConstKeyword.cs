using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>const</c> (draft 6): the value must equal one given value.</summary>
internal sealed class ConstKeyword(JsonDatum at, SchemaPointers pointers) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (JsonEquality.Equal(At, instance) || context.Failing()) return;
        string[] rendered = [Wording.Value(At)];
        context.Report(Finding.At(this, "const", instance, Wording.OneOf(instance, rendered), rendered));
    }
}
