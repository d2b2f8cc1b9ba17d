using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Json.Text;

namespace Pipeline.Build.Json;

/// <summary>
/// The contract of the Python-compatible repository files (and of our own index, which follows it):
/// writes JSON strings as Python's <c>json.dumps</c> does by default (<c>ensure_ascii</c>): printable
/// ASCII stays as it is, <c>"</c> <c>\</c> and the short control escapes use their two-character forms,
/// everything else becomes <c>\uXXXX</c> in lower-case hex (UTF-16 surrogate pairs above U+FFFF).
/// The output is therefore pure ASCII, whatever the input.
/// </summary>
internal static class JsonStringEscaper
{
    private static readonly SearchValues<byte> s_needsEscape = SearchValues.Create(BytesNeedingEscape());

    private static byte[] BytesNeedingEscape()
    {
        var bytes = new List<byte>();
        for (var b = 0; b < 0x20; b++) bytes.Add((byte)b);
        bytes.Add((byte)'"');
        bytes.Add((byte)'\\');
        for (var b = 0x7F; b <= 0xFF; b++) bytes.Add((byte)b);
        return [.. bytes];
    }

    /// <summary>True when the UTF-8 text can be written between quotes exactly as it is.</summary>
    public static bool IsVerbatim(ReadOnlySpan<byte> utf8) => utf8.IndexOfAny(s_needsEscape) < 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteQuoted(JsonOutputBuffer output, ReadOnlySpan<char> value)
    {
        // Worst case: every char becomes \uXXXX.
        var span = output.GetSpan(value.Length * JsonEscapes.MaxEscapeLength + 2);
        var at = 0;
        span[at++] = (byte)'"';
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                span[at++] = (byte)c;
            }
            else
            {
                at += JsonEscapes.Escape(c, span[at..]);
            }
        }
        span[at++] = (byte)'"';
        output.Advance(at);
    }

    /// <summary>Writes UTF-8 text as a JSON string; invalid UTF-8 sequences become U+FFFD.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteQuotedUtf8(JsonOutputBuffer output, ReadOnlySpan<byte> utf8)
    {
        output.Write((byte)'"');
        Span<char> chars = stackalloc char[2];
        while (!utf8.IsEmpty)
        {
            var run = utf8.IndexOfAny(s_needsEscape);
            if (run < 0)
            {
                output.Write(utf8);
                break;
            }
            output.Write(utf8[..run]);
            utf8 = utf8[run..];
            var first = utf8[0];
            if (first < 0x80)
            {
                output.Advance(JsonEscapes.Escape((char)first, output.GetSpan(JsonEscapes.MaxEscapeLength)));
                utf8 = utf8[1..];
                continue;
            }
            if (Rune.DecodeFromUtf8(utf8, out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }
            var count = rune.EncodeToUtf16(chars);
            for (var i = 0; i < count; i++) output.Advance(JsonEscapes.Escape(chars[i], output.GetSpan(JsonEscapes.MaxEscapeLength)));
            utf8 = utf8[Math.Max(consumed, 1)..];
        }
        output.Write((byte)'"');
    }
}
