using System.Text;

namespace Pipeline.Json.Dom;

/// <summary>
/// Decodes the escapes of a string token. Unlike <see cref="System.Text.Json.Utf8JsonReader.GetString"/>
/// it never throws: a lone surrogate escape such as "\udc00" is kept as that UTF-16 unit, as Python
/// (and so Universe's own tooling) keeps it.
/// </summary>
internal static class JsonEscapes
{
    private const int StackLimit = 256;

    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        // Never more chars than bytes: an escape shrinks, and UTF-8 takes at least a byte per UTF-16 unit.
        var chars = raw.Length <= StackLimit ? stackalloc char[raw.Length] : new char[raw.Length];
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
        return new string(chars[..written]);
    }

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
