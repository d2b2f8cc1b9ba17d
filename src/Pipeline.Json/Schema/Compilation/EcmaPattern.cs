using System.Text;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// Schema patterns are ECMA 262 regexes, as JSON Schema says; .NET reads nearly all of them
/// the same way, and the differences are bridged here:
/// <list type="bullet">
/// <item>an identity escape of '_' ("\_"), common in real manifests, which ECMA 262 (and Python)
/// accept and .NET rejects, means a plain '_';</item>
/// <item>\d, \w and \s (and their negations outside a class) are ECMA's: ASCII digits, ASCII word
/// characters, and ECMA's whitespace, where .NET's would match any Unicode digit or letter;</item>
/// <item>\p{…} takes Unicode's long category names (\p{Letter}) as well as the short ones;</item>
/// <item>a character beyond the Basic Multilingual Plane is quantified whole ("🐲*" becomes "(?:🐲)*"),
/// where .NET, reading UTF-16, would quantify only its second half.</item>
/// </list>
/// </summary>
internal static class EcmaPattern
{
    private const string Digit = "0-9";
    private const string Word = "a-zA-Z0-9_";
    private const string Space = @"\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    public static string ToDotNet(string pattern)
    {
        if (pattern.AsSpan().IndexOf('\\') < 0 && pattern.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0) return pattern;
        var translated = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = Escape(pattern, i, inClass, translated);
                continue;
            }
            if (c == '[' && !inClass) inClass = true;
            else if (c == ']' && inClass) inClass = false;
            else if (!inClass && char.IsHighSurrogate(c) && i + 2 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]) && IsQuantifier(pattern[i + 2]))
            {
                translated.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                continue;
            }
            translated.Append(c);
        }
        return translated.ToString();
    }

    /// <summary>Appends the escape at <paramref name="at"/> (a backslash) in .NET's terms; returns the index of its last character.</summary>
    private static int Escape(string pattern, int at, bool inClass, StringBuilder translated)
    {
        var letter = pattern[at + 1];
        switch (letter)
        {
            case '_':
                translated.Append('_');
                return at + 1;
            case 'd' or 'w' or 's':
                var set = letter switch { 'd' => Digit, 'w' => Word, _ => Space };
                if (inClass) translated.Append(set);
                else translated.Append('[').Append(set).Append(']');
                return at + 1;
            case 'D' or 'W' or 'S' when !inClass:
                translated.Append("[^").Append(letter switch { 'D' => Digit, 'W' => Word, _ => Space }).Append(']');
                return at + 1;
            case 'p' or 'P' when at + 2 < pattern.Length && pattern[at + 2] == '{' && pattern.IndexOf('}', at + 3) is var close and > 0:
                var name = pattern[(at + 3)..close];
                translated.Append('\\').Append(letter).Append('{').Append(UnicodeCategories.ShortName(name) ?? name).Append('}');
                return close;
            default:
                translated.Append('\\').Append(letter);
                return at + 1;
        }
    }

    private static bool IsQuantifier(char c) => c is '*' or '+' or '?' or '{';
}
