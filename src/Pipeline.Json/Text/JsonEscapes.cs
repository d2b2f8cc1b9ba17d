using System.Buffers;
using System.Numerics;
using System.Text;

namespace Pipeline.Json.Text;

/// <summary>
/// The escapes of JSON strings, the rules every reader and writer of JSON text here shares. Each
/// output contract decides which characters it escapes (the Cosmos rendering of templates, the
/// Python-compatible repository files, the values quoted in messages); how one character is
/// escaped, and how escapes read back, is written only here.
/// </summary>
public static class JsonEscapes
{
    /// <summary>The most units one escaped character takes: <c>\uXXXX</c>.</summary>
    public const int MaxEscapeLength = 6;

    private const int StackLimit = 256;

    /// <summary>
    /// Whether JSON requires the character escaped inside a string: a quote, a backslash or a
    /// control character (below U+0020). Anything else may stand as it is.
    /// </summary>
    public static bool IsRequired(char c) => c < ' ' || c == '"' || c == '\\';

    /// <summary>
    /// Writes the escape of one UTF-16 unit: the two-character form for <c>"</c> <c>\</c> and the
    /// controls that have one (<c>\b \f \n \r \t</c>), <c>\u</c> and four lower-case hex digits
    /// for any other unit, a lone surrogate included (as Python writes it).
    /// </summary>
    /// <returns>The units written, 2 or 6.</returns>
    public static int Escape<TUnit>(char c, Span<TUnit> destination)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        var letter = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\b' => 'b',
            '\f' => 'f',
            _ => '\0',
        };
        if (letter == '\0') return EscapeAsUnicode(c, destination);
        destination[1] = TUnit.CreateTruncating(letter);
        destination[0] = TUnit.CreateTruncating('\\');
        return 2;
    }

    /// <summary>Writes <c>\u</c> and the unit's four lower-case hex digits.</summary>
    /// <returns>The units written: 6.</returns>
    public static int EscapeAsUnicode<TUnit>(char c, Span<TUnit> destination)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        destination[5] = HexDigit<TUnit>(c);
        destination[4] = HexDigit<TUnit>(c >> 4);
        destination[3] = HexDigit<TUnit>(c >> 8);
        destination[2] = HexDigit<TUnit>(c >> 12);
        destination[1] = TUnit.CreateTruncating('u');
        destination[0] = TUnit.CreateTruncating('\\');
        return 6;
    }

    /// <summary>
    /// Decodes the escapes of a string's raw UTF-8 text (between its quotes). Unlike
    /// <see cref="System.Text.Json.Utf8JsonReader.GetString"/> it never throws: a lone surrogate
    /// escape such as <c>\udc00</c> is kept as that UTF-16 unit, as Python (and so Universe's own
    /// tooling) keeps it, so any text a parser accepts reads back; a malformed escape is kept as text.
    /// </summary>
    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0) return Encoding.UTF8.GetString(raw);
        // Never more chars than bytes: an escape shrinks, and UTF-8 takes at least a byte per UTF-16 unit.
        var rented = raw.Length <= StackLimit ? null : ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var chars = rented is null ? stackalloc char[raw.Length] : rented.AsSpan(0, raw.Length);
            return new string(chars[..Unescape(raw, chars)]);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int Unescape(ReadOnlySpan<byte> raw, Span<char> chars)
    {
        var written = 0;
        while (!raw.IsEmpty)
        {
            var slash = raw.IndexOf((byte)'\\');
            written += Encoding.UTF8.GetChars(slash < 0 ? raw : raw[..slash], chars[written..]);
            if (slash < 0) break;
            raw = raw[slash..];

            var (unit, length) = raw.Length < 2 ? ('\\', 1) : raw[1] switch
            {
                (byte)'"' => ('"', 2),
                (byte)'\\' => ('\\', 2),
                (byte)'/' => ('/', 2),
                (byte)'b' => ('\b', 2),
                (byte)'f' => ('\f', 2),
                (byte)'n' => ('\n', 2),
                (byte)'r' => ('\r', 2),
                (byte)'t' => ('\t', 2),
                (byte)'u' when raw.Length >= 6 && TryHex(raw.Slice(2, 4), out var code) => ((char)code, 6),
                _ => ('\\', 1),
            };
            chars[written++] = unit;
            raw = raw[length..];
        }
        return written;
    }

    private static TUnit HexDigit<TUnit>(int value)
        where TUnit : unmanaged, IBinaryInteger<TUnit> =>
        TUnit.CreateTruncating("0123456789abcdef"[value & 0xF]);

    private static bool TryHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0) return false;
            value = (value << 4) | nibble;
        }
        return true;
    }
}
