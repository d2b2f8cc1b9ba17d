namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// Unicode's long names of the general categories (and "gc="/"General_Category=" forms), which ECMA
/// 262 accepts in \p{…} and .NET does not, mapped to the short names both know.
/// </summary>
internal static class UnicodeCategories
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo",
        ["Mark"] = "M", ["Combining_Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me",
        ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po",
        ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So",
        ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp",
        ["Other"] = "C", ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    /// <summary>The short name for a long one; null when the name is not a long category name.</summary>
    public static string? ShortName(string name)
    {
        var value = name;
        var equals = name.IndexOf('=');
        if (equals >= 0)
        {
            var property = name[..equals];
            if (!property.Equals("gc", StringComparison.OrdinalIgnoreCase) && !property.Equals("General_Category", StringComparison.OrdinalIgnoreCase)) return null;
            value = name[(equals + 1)..];
        }
        return Short.TryGetValue(value, out var shortName) ? shortName : value.Length <= 2 && equals >= 0 ? value : null;
    }
}
