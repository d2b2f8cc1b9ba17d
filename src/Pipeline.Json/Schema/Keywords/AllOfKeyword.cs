using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>allOf</c>: every branch applies, and reports, in place.</summary>
internal sealed class AllOfKeyword(JsonDatum at, SchemaPointers pointers, SchemaNode[] branches) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        foreach (var branch in branches)
        {
            branch.Validate(instance, context);
            if (context.Failed) return;
        }
    }
}
