using System.Text.RegularExpressions;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>pattern</c>: strings must contain a match of the regex (anchors are the schema's business).</summary>
internal sealed class PatternKeyword(JsonDatum at, SchemaPointers pointers, string pattern, Regex regex) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.String) return;
        var completed = PatternMatch.TryIsMatch(regex, instance.String!, context, out var matched);
        if (matched || context.Failing()) return;
        if (!completed)
        {
            context.Report(Finding.At(this, "pattern", instance, PatternMatch.TooSlow(Wording.Name(instance), pattern)));
        }
        else
        {
            context.Report(Finding.At(this, "pattern", instance, $"{Wording.Name(instance)} {Wording.Value(instance)} does not match the pattern {Wording.Shortened(pattern)}"));
        }
    }
}
