using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>The schema <c>false</c> (draft 6): nothing is allowed here.</summary>
internal sealed class FalseKeyword(JsonDatum at, SchemaPointers pointers) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (!context.Failing()) context.Report(Finding.At(this, "false", instance, $"{Wording.Name(instance)} is not allowed"));
    }
}
