namespace Pipeline.Json;

/// <summary>
/// The size bounds: <c>minProperties</c>/<c>maxProperties</c> on objects, <c>minItems</c>/<c>maxItems</c>
/// on arrays and <c>minLength</c>/<c>maxLength</c> on strings (in code points).
/// </summary>
internal sealed class CountKeyword(string schemaPointer, string keyword, long limit) : Keyword(schemaPointer)
{
    private readonly bool _isMinimum = keyword.StartsWith("min", StringComparison.Ordinal);

    public override void Validate(JsonValue instance, ValidationContext context)
    {
        long? count = (keyword, instance.Kind) switch
        {
            ("minProperties" or "maxProperties", JsonKind.Object) => instance.Properties.Count,
            ("minItems" or "maxItems", JsonKind.Array) => instance.Items.Count,
            ("minLength" or "maxLength", JsonKind.String) => CodePoints.Count(instance.String!),
            _ => null,
        };
        if (count is not { } actual || (_isMinimum ? actual >= limit : actual <= limit) || context.Failing()) return;

        var bound = _isMinimum ? "at least" : "at most";
        var message = instance.Kind switch
        {
            JsonKind.Object => $"{Wording.Name(instance)} must have {bound} {Wording.Count(limit, "property", "properties")}",
            JsonKind.Array => $"{Wording.Name(instance)} must have {bound} {Wording.Count(limit, "item", "items")}",
            _ => $"{Wording.Name(instance)} must be {bound} {Wording.Count(limit, "character", "characters")} long",
        };
        context.Report(Finding.At(this, keyword, instance, message));
    }
}
