using System.Buffers;
using System.Text;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// Escapes text for the inside of a JSON string literal: quotes, backslashes and control
/// characters only. Everything else (non-ASCII, '&lt;', '/', emoji) is kept as it is, so
/// <c>"{{x}}"</c> in a template is always a valid JSON string that reads back as x.
/// </summary>
internal static class JsonEscaping
{
    private static readonly SearchValues<char> NeedEscaping = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static void Append(StringBuilder output, string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAny(NeedEscaping);
            if (at < 0)
            {
                output.Append(rest);
                return;
            }
            output.Append(rest[..at]);
            AppendEscape(output, rest[at]);
            rest = rest[(at + 1)..];
        }
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
