using System.Text;

namespace Pipeline.Json;

/// <summary>
/// Schema patterns are ECMA 262 regexes. .NET reads nearly all of them the same way; the one common
/// difference in real manifests is an identity escape of '_' ("\_"), which ECMA 262 (and Python)
/// accept and .NET rejects. It means a plain '_', so it is rewritten as one.
/// </summary>
internal static class EcmaPattern
{
    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains(@"\_", StringComparison.Ordinal)) return pattern;
        var translated = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                if (pattern[i + 1] != '_') translated.Append('\\');
                translated.Append(pattern[++i]);
                continue;
            }
            translated.Append(pattern[i]);
        }
        return translated.ToString();
    }
}
