using System.Globalization;
using System.Numerics;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// A JSON number exactly, as digits × 10^exponent, for <c>multipleOf</c> on numbers a decimal cannot
/// hold (1e308). Only for modest sizes: a hostile number of thousands of digits or a huge exponent
/// is left to double arithmetic.
/// </summary>
internal readonly record struct ScaledInteger(BigInteger Digits, int Exponent)
{
    private const int MaxDigits = 400;
    private const int MaxExponent = 400;

    public static ScaledInteger? Parse(string text)
    {
        var e = text.AsSpan().IndexOfAny('e', 'E');
        var mantissa = e < 0 ? text.AsSpan() : text.AsSpan(0, e);
        var exponent = 0;
        if (e >= 0 && !int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)) return null;
        var point = mantissa.IndexOf('.');
        var fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        if (mantissa.Length > MaxDigits || Math.Abs((long)exponent) > MaxExponent) return null;
        var digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
        if (!BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return null;
        return new ScaledInteger(value, exponent - fraction);
    }

    /// <summary>Whether this is a whole multiple of <paramref name="divisor"/> (which is not zero).</summary>
    public bool IsMultipleOf(ScaledInteger divisor)
    {
        // this / divisor = (Digits / divisor.Digits) × 10^(Exponent − divisor.Exponent)
        var shift = Exponent - divisor.Exponent;
        return shift >= 0
            ? Digits * BigInteger.Pow(10, shift) % divisor.Digits == 0
            : Digits % (divisor.Digits * BigInteger.Pow(10, -shift)) == 0;
    }
}
