using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Json.Dom;

namespace Pipeline.Site.Reading;

/// <summary>Values of a config.json, as the options table shows them.</summary>
internal static class JsonRead
{
    // Values are HTML-escaped when written, so the JSON text itself need not be.
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>A value of a config.json read with Pipeline.Json, as one line of JSON.</summary>
    public static string Compact(JsonDatum value)
    {
        switch (value.Kind)
        {
            case JsonKind.Number: return value.NumberText!;
            case JsonKind.Boolean: return value.Boolean ? "true" : "false";
            case JsonKind.Null: return "null";
            case JsonKind.String: return "\"" + JsonEncodedText.Encode(value.String!, CompactWriter.Encoder).ToString() + "\"";
        }
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter)) value.ToJsonNode()!.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
