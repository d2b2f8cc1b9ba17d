using System.Globalization;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>multipleOf</c>: exact (in decimal, or as scaled integers for exponents and big numbers), else within double precision.</summary>
internal sealed class MultipleOfKeyword : Keyword
{
    private readonly decimal? _exactDivisor;
    private readonly ScaledInteger? _scaledDivisor;
    private readonly double _divisor;

    public MultipleOfKeyword(JsonDatum divisor, SchemaPointers pointers)
        : base(divisor, pointers)
    {
        _exactDivisor = Exact(divisor.NumberText!);
        _scaledDivisor = ScaledInteger.Parse(divisor.NumberText!) is { Digits.IsZero: false } scaled ? scaled : null;
        _divisor = divisor.Number;
    }

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Number || IsMultiple(instance) || context.Failing()) return;
        context.Report(Finding.At(this, "multipleOf", instance, $"{Wording.Name(instance)} must be a multiple of {At.NumberText}"));
    }

    private bool IsMultiple(JsonDatum instance)
    {
        if (_exactDivisor is { } exactDivisor && Exact(instance.NumberText!) is { } exact) return exact % exactDivisor == 0;
        // Exponents and numbers past a decimal's range (1e308) are still exact as scaled integers.
        if (_scaledDivisor is { } scaledDivisor && ScaledInteger.Parse(instance.NumberText!) is { } scaled) return scaled.IsMultipleOf(scaledDivisor);
        var quotient = instance.Number / _divisor;
        if (!double.IsFinite(quotient)) return false;
        if (Math.Abs(quotient) > 1e15) return true; // beyond double precision every quotient looks whole
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    private static decimal? Exact(string text) =>
        text.AsSpan().IndexOfAny('e', 'E') < 0
        && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && value != 0
            ? value
            : null;
}
