using System.Runtime.CompilerServices;
using System.Text;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// Escapes text for the inside of a JSON string literal: quotes, backslashes and control
/// characters only. Everything else (non-ASCII, '&lt;', '/', emoji) is kept as it is, so
/// <c>"{{x}}"</c> in a template is always a valid JSON string that reads back as x.
/// </summary>
internal static class JsonEscaping
{
    // A plain loop rather than SearchValues: values are short, and under the JIT the vectorised
    // search is compiled afresh, unoptimised at first, in every process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(StringBuilder output, string text)
    {
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c != '"' && c != '\\') continue;
            output.Append(text, copied, i - copied);
            AppendEscape(output, c);
            copied = i + 1;
        }
        output.Append(text, copied, text.Length - copied);
    }

    private static void AppendEscape(StringBuilder output, char c)
    {
        switch (c)
        {
            case '"': output.Append("\\\""); break;
            case '\\': output.Append("\\\\"); break;
            case '\n': output.Append("\\n"); break;
            case '\r': output.Append("\\r"); break;
            case '\t': output.Append("\\t"); break;
            case '\b': output.Append("\\b"); break;
            case '\f': output.Append("\\f"); break;
            default: output.Append("\\u00").Append(HexDigit(c >> 4)).Append(HexDigit(c & 0xF)); break;
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
