using System.Text.RegularExpressions;

namespace Pipeline.Json;

/// <summary>
/// <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c> together, since which
/// members are "additional" depends on the other two. One pass over the instance's members.
/// </summary>
internal sealed class PropertiesKeyword(
    string schemaPointer,
    Dictionary<string, SchemaNode> properties,
    PropertiesKeyword.PatternProperty[] patterns,
    SchemaNode? additional,
    string? forbidAdditionalPointer) : Keyword(schemaPointer)
{
    public sealed record PatternProperty(string Pattern, Regex Regex, SchemaNode Schema, string SchemaPointer);

    public override void Validate(JsonValue instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Object) return;
        foreach (var member in instance.Properties)
        {
            var known = false;
            if (properties.TryGetValue(member.Name, out var schema))
            {
                known = true;
                schema.Validate(member.Value, context);
                if (context.Failed) return;
            }
            foreach (var pattern in patterns)
            {
                if (!PatternMatch.TryIsMatch(pattern.Regex, member.Name, context, out var matched))
                {
                    // Counted as known: one error about the slow pattern is enough.
                    known = true;
                    if (context.Failing()) return;
                    var subject = $"the property name `{member.Name}`";
                    context.Report(new Finding("patternProperties", member.Value, PatternMatch.TooSlow(subject, pattern.Pattern), pattern.SchemaPointer, member.Name, member));
                    continue;
                }
                if (!matched) continue;
                known = true;
                pattern.Schema.Validate(member.Value, context);
                if (context.Failed) return;
            }
            if (known) continue;
            if (forbidAdditionalPointer is not null)
            {
                if (context.Failing()) return;
                context.Report(new Finding("additionalProperties", member.Value, $"unknown field `{member.Name}`", forbidAdditionalPointer, member.Name, member));
            }
            else
            {
                additional?.Validate(member.Value, context);
                if (context.Failed) return;
            }
        }
    }
}
