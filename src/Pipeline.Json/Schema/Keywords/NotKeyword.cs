using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>not</c>: the value must fail the subschema.</summary>
internal sealed class NotKeyword(JsonDatum at, SchemaPointers pointers, SchemaNode forbidden) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (!context.Matches(forbidden, instance) || context.Failing()) return;
        context.Report(Finding.At(this, "not", instance, $"{Wording.Name(instance)} must not match the schema at {SchemaPointer}"));
    }
}
