using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Site.Reading;

/// <summary>Tolerant accessors over package JSON: a value of the wrong kind reads as absent.</summary>
internal static class JsonRead
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    // Values are HTML-escaped when written, so the JSON text itself need not be.
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static JsonDocument? TryParse(ReadOnlyMemory<byte> content, string fileName, List<string> problems)
    {
        try
        {
            return JsonDocument.Parse(content, DocumentOptions);
        }
        catch (JsonException e)
        {
            problems.Add($"{fileName} is not valid JSON ({e.Message})");
            return null;
        }
    }

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool True(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    public static long? Integer(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static IReadOnlyList<string> Strings(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array) return [];
        var strings = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) strings.Add(item.GetString()!);
        }
        return strings;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>The value as one line of JSON.</summary>
    public static string Compact(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number: return value.GetRawText();
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            case JsonValueKind.Null: return "null";
            case JsonValueKind.String: return "\"" + JsonEncodedText.Encode(value.GetString()!, CompactWriter.Encoder).ToString() + "\"";
        }
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter)) value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A value of a config.json read with Pipeline.Json, as one line of JSON, like <see cref="Compact(JsonElement)"/>.</summary>
    public static string Compact(Pipeline.Json.Dom.JsonDatum value)
    {
        switch (value.Kind)
        {
            case Pipeline.Json.Dom.JsonKind.Number: return value.NumberText!;
            case Pipeline.Json.Dom.JsonKind.Boolean: return value.Boolean ? "true" : "false";
            case Pipeline.Json.Dom.JsonKind.Null: return "null";
            case Pipeline.Json.Dom.JsonKind.String: return "\"" + JsonEncodedText.Encode(value.String!, CompactWriter.Encoder).ToString() + "\"";
        }
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter)) value.ToJsonNode()!.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>File bytes as text, without a byte-order mark.</summary>
    public static string Text(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
