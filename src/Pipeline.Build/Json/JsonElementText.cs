using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Pipeline.Build.Json;

/// <summary>
/// The text of JSON strings and names, decoded from the document's raw bytes. Unlike
/// <see cref="JsonElement.GetString"/> this keeps a lone surrogate escape such as <c>\ud800</c> as
/// the character it names (as Python does) instead of throwing: any text a parser accepts must
/// build. The input is a parsed document, so escapes are well-formed and the bytes valid UTF-8.
/// </summary>
internal static class JsonElementText
{
    public static string Of(JsonElement value) => Decode(RawString(value));

    public static string NameOf(JsonProperty property) => Decode(JsonMarshal.GetRawUtf8PropertyName(property));

    /// <summary>The string's JSON text between its quotes, still escaped.</summary>
    public static ReadOnlySpan<byte> RawString(JsonElement value) => JsonMarshal.GetRawUtf8Value(value)[1..^1];

    /// <summary>Whether a name equals an ASCII name, without decoding names that hold no escape.</summary>
    public static bool NameEquals(JsonProperty property, ReadOnlySpan<byte> asciiName) =>
        RawEquals(JsonMarshal.GetRawUtf8PropertyName(property), asciiName);

    /// <summary>Whether a value is a string equal to an ASCII text.</summary>
    public static bool StringEquals(JsonElement value, ReadOnlySpan<byte> asciiText) =>
        value.ValueKind == JsonValueKind.String && RawEquals(RawString(value), asciiText);

    private static bool RawEquals(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> ascii)
    {
        if (raw.IndexOf((byte)'\\') < 0) return raw.SequenceEqual(ascii);
        var text = Decode(raw);
        if (text.Length != ascii.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ascii[i]) return false;
        }
        return true;
    }

    /// <summary>Unescapes the raw text of a JSON string.</summary>
    public static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0) return Encoding.UTF8.GetString(raw);
        var chars = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var length = 0;
            while (!raw.IsEmpty)
            {
                var escape = raw.IndexOf((byte)'\\');
                var run = escape < 0 ? raw : raw[..escape];
                length += Encoding.UTF8.GetChars(run, chars.AsSpan(length));
                if (escape < 0) break;
                var escaped = raw[escape + 1];
                if (escaped == (byte)'u')
                {
                    Utf8Parser.TryParse(raw.Slice(escape + 2, 4), out ushort unit, out _, 'X');
                    chars[length++] = (char)unit;
                    raw = raw[(escape + 6)..];
                    continue;
                }
                chars[length++] = escaped switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escaped, // \" \\ \/
                };
                raw = raw[(escape + 2)..];
            }
            return new string(chars, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
