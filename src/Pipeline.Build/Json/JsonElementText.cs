using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.Json.Text;

namespace Pipeline.Build.Json;

/// <summary>
/// The text of JSON strings and names, decoded from the document's raw bytes. Unlike
/// <see cref="JsonElement.GetString"/> this keeps a lone surrogate escape such as <c>\ud800</c> as
/// the character it names (as Python does, by <see cref="JsonEscapes.Unescape"/>) instead of
/// throwing: any text a parser accepts must build.
/// </summary>
internal static class JsonElementText
{
    public static string Of(JsonElement value) => JsonEscapes.Unescape(RawString(value));

    public static string NameOf(JsonProperty property) => JsonEscapes.Unescape(JsonMarshal.GetRawUtf8PropertyName(property));

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
        var text = JsonEscapes.Unescape(raw);
        if (text.Length != ascii.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ascii[i]) return false;
        }
        return true;
    }
}
