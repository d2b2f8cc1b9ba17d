using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>required</c>: each missing property is one error, at the object, naming the property.</summary>
internal sealed class RequiredKeyword(JsonDatum at, SchemaPointers pointers, string[] names) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Object) return;
        foreach (var name in names)
        {
            if (!instance.TryGet(name, out _))
            {
                if (context.Failing()) return;
                context.Report(new Finding("required", instance, $"`{name}` is required", SchemaPointer, name));
            }
        }
    }
}
