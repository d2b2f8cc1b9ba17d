using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// <c>dependencies</c>: when a property is present, either other properties must be too (a list of
/// names) or the whole object must match a schema.
/// </summary>
internal sealed class DependenciesKeyword(JsonDatum at, SchemaPointers pointers, DependenciesKeyword.Dependency[] dependencies) : Keyword(at, pointers)
{
    public sealed record Dependency(string Property, string[] Requires, SchemaNode? Schema);

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Object) return;
        foreach (var dependency in dependencies)
        {
            if (!instance.TryGet(dependency.Property, out _)) continue;
            foreach (var name in dependency.Requires)
            {
                if (!instance.TryGet(name, out _))
                {
                    if (context.Failing()) return;
                    context.Report(new Finding(
                        "dependencies",
                        instance,
                        $"`{name}` is required when `{dependency.Property}` is present",
                        SchemaPointer,
                        name));
                }
            }
            dependency.Schema?.Validate(instance, context);
            if (context.Failed) return;
        }
    }
}
