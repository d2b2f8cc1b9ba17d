using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// The size bounds: <c>minProperties</c>/<c>maxProperties</c> on objects, <c>minItems</c>/<c>maxItems</c>
/// on arrays and <c>minLength</c>/<c>maxLength</c> on strings (in code points).
/// </summary>
internal sealed class CountKeyword(JsonDatum at, SchemaPointers pointers, string keyword, long limit) : Keyword(at, pointers)
{
    private readonly bool _isMinimum = keyword.StartsWith("min", StringComparison.Ordinal);

    // The kind of value the bound applies to.
    private readonly JsonKind _counted = keyword switch
    {
        "minProperties" or "maxProperties" => JsonKind.Object,
        "minItems" or "maxItems" => JsonKind.Array,
        _ => JsonKind.String,
    };

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != _counted) return;
        long actual = _counted switch
        {
            JsonKind.Object => instance.MemberArray.Length,
            JsonKind.Array => instance.ItemArray.Length,
            _ => CodePoints.Count(instance.String!),
        };
        if ((_isMinimum ? actual >= limit : actual <= limit) || context.Failing()) return;

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
