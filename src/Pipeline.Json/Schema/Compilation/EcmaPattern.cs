using System.Text;

namespace Pipeline.Json;

/// <summary>
/// Schema patterns are ECMA 262 regexes. .NET reads nearly all of them the same way; two differences
/// are bridged. An identity escape of '_' ("\_"), common in real manifests, which ECMA 262 (and
/// Python) accept and .NET rejects: it means a plain '_'. And a character outside the Basic
/// Multilingual Plane, which ECMA 262 quantifies whole while .NET, reading UTF-16, would quantify
/// only its second half: "🐲*" becomes "(?:🐲)*".
/// </summary>
internal static class EcmaPattern
{
    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains(@"\_", StringComparison.Ordinal) && pattern.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0) return pattern;
        var translated = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                if (pattern[i + 1] != '_') translated.Append('\\');
                translated.Append(pattern[++i]);
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (!inClass && char.IsHighSurrogate(c) && i + 2 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]) && IsQuantifier(pattern[i + 2]))
            {
                translated.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                continue;
            }
            translated.Append(c);
        }
        return translated.ToString();
    }

    private static bool IsQuantifier(char c) => c is '*' or '+' or '?' or '{';
}
