using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>format</c> for the formats <see cref="Formats"/> knows; others are never compiled.</summary>
internal sealed class FormatKeyword(JsonDatum at, SchemaPointers pointers, Formats.Format format) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.String || format.IsValid(instance.String!) || context.Failing()) return;
        context.Report(Finding.At(this, "format", instance, $"{Wording.Name(instance)} {Wording.Value(instance)} is not {format.Description}"));
    }
}
