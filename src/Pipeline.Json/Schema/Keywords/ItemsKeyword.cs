using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// <c>items</c> (one schema for every item, or one per position) with <c>additionalItems</c> for the
/// items past a positional list.
/// </summary>
internal sealed class ItemsKeyword(
    JsonDatum at,
    SchemaPointers pointers,
    SchemaNode? every,
    SchemaNode[]? positional,
    SchemaNode? additional,
    JsonDatum? forbidAdditional) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Array) return;
        var items = instance.ItemArray;
        if (every is not null)
        {
            foreach (var item in items)
            {
                every.Validate(item, context);
                if (context.Failed) return;
            }
            return;
        }
        if (positional is null) return;

        for (var i = 0; i < items.Length && i < positional.Length && !context.Failed; i++) positional[i].Validate(items[i], context);
        if (items.Length <= positional.Length) return;
        if (forbidAdditional is not null)
        {
            if (context.Failing()) return;
            var message = $"{Wording.Name(instance)} must have at most {Wording.Count(positional.Length, "item", "items")}";
            context.Report(new Finding("additionalItems", instance, message, Pointers.Of(forbidAdditional), Wording.Field(instance)));
            return;
        }
        if (additional is null) return;
        for (var i = positional.Length; i < items.Length && !context.Failed; i++) additional.Validate(items[i], context);
    }
}
