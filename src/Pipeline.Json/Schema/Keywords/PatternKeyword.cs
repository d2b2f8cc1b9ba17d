using System.Text.RegularExpressions;

namespace Pipeline.Json;

/// <summary><c>pattern</c>: strings must contain a match of the regex (anchors are the schema's business).</summary>
internal sealed class PatternKeyword(JsonValue at, SchemaPointers pointers, string pattern, Regex regex) : Keyword(at, pointers)
{
    public override void Validate(JsonValue instance, ValidationContext context)
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
            context.Report(Finding.At(this, "pattern", instance, $"{Wording.Name(instance)} {Wording.Value(instance)} does not match the pattern {pattern}"));
        }
    }
}
