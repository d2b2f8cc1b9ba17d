using System.Text.RegularExpressions;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c> together, since which
/// members are "additional" depends on the other two. One pass over the instance's members.
/// </summary>
internal sealed class PropertiesKeyword(
    JsonDatum schema,
    SchemaPointers pointers,
    Dictionary<string, SchemaNode> properties,
    PropertiesKeyword.PatternProperty[] patterns,
    SchemaNode? additional,
    JsonDatum? forbidAdditional) : Keyword(schema, pointers)
{
    /// <param name="At">The member's schema, where its errors point.</param>
    public sealed record PatternProperty(string Pattern, Regex Regex, SchemaNode Schema, JsonDatum At);

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Object) return;
        foreach (var member in instance.MemberArray)
        {
            var name = member.MemberName;
            var known = false;
            if (properties.TryGetValue(name, out var schema))
            {
                known = true;
                schema.Validate(member, context);
                if (context.Failed) return;
            }
            foreach (var pattern in patterns)
            {
                if (!PatternMatch.TryIsMatch(pattern.Regex, name, context, out var matched))
                {
                    // Counted as known: one error about the slow pattern is enough.
                    known = true;
                    if (context.Failing()) return;
                    var subject = $"the property name `{name}`";
                    context.Report(new Finding("patternProperties", member, PatternMatch.TooSlow(subject, pattern.Pattern), Pointers.Of(pattern.At), name, AtName: true));
                    continue;
                }
                if (!matched) continue;
                known = true;
                pattern.Schema.Validate(member, context);
                if (context.Failed) return;
            }
            if (known) continue;
            if (forbidAdditional is not null)
            {
                if (context.Failing()) return;
                context.Report(new Finding("additionalProperties", member, $"unknown field `{name}`", Pointers.Of(forbidAdditional), name, AtName: true));
            }
            else
            {
                additional?.Validate(member, context);
                if (context.Failed) return;
            }
        }
    }
}
