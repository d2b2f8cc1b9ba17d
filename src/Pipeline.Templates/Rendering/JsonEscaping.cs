using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Json.Text;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// The Cosmos rendering contract: escapes text for the inside of a JSON string literal as Cosmos does
/// before Mustache sees a value — only what JSON requires (quotes, backslashes, control characters).
/// Everything else (non-ASCII, '&lt;', '/', emoji, a lone surrogate) is kept as it is, so
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
        Span<char> escape = stackalloc char[JsonEscapes.MaxEscapeLength];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!JsonEscapes.IsRequired(c)) continue;
            output.Append(text, copied, i - copied);
            output.Append(escape[..JsonEscapes.Escape(c, escape)]);
            copied = i + 1;
        }
        output.Append(text, copied, text.Length - copied);
    }
}
