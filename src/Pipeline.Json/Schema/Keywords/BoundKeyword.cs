using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// <c>minimum</c>/<c>maximum</c>, exclusive either by draft 4's boolean modifiers or as draft 6's
/// numeric <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>. The limit is quoted as the schema wrote it.
/// </summary>
internal sealed class BoundKeyword(JsonDatum at, SchemaPointers pointers, string keyword, bool isMinimum, bool exclusive)
    : Keyword(at, pointers)
{
    private readonly double _limit = at.Number;

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Number) return;
        var value = instance.Number;
        var ok = isMinimum
            ? (exclusive ? value > _limit : value >= _limit)
            : (exclusive ? value < _limit : value <= _limit);
        if (ok || context.Failing()) return;
        var bound = (isMinimum, exclusive) switch
        {
            (true, false) => "at least",
            (true, true) => "greater than",
            (false, false) => "at most",
            (false, true) => "less than",
        };
        context.Report(Finding.At(this, keyword, instance, $"{Wording.Name(instance)} must be {bound} {At.NumberText}"));
    }
}
