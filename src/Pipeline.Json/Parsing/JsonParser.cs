using System.Globalization;
using System.Text;
using Pipeline.Diagnostics;

namespace Pipeline.Json.Parsing;

/// <summary>
/// Parses untrusted JSON into <see cref="JsonDatum"/> trees with positions. Never throws for any
/// input: what is wrong with the text comes back as <see cref="JsonProblem"/> values.
/// </summary>
public static class JsonParser
{
    /// <summary>Parses a copy of the bytes.</summary>
    public static JsonParseResult Parse(ReadOnlySpan<byte> utf8, JsonParseOptions? options = null)
    {
        options ??= JsonParseOptions.Default;
        if (utf8.Length > options.MaxBytes) return TooLarge(utf8.Length, options);
        return DocumentBuilder.Build(DocumentMemory.Copy(utf8), options);
    }

    /// <summary>
    /// Parses the bytes in place, without copying them: the values read them on demand, so the memory
    /// must not change while they are in use. For callers that already own the file's bytes.
    /// </summary>
    public static JsonParseResult Parse(ReadOnlyMemory<byte> utf8, JsonParseOptions? options = null)
    {
        options ??= JsonParseOptions.Default;
        if (utf8.Length > options.MaxBytes) return TooLarge(utf8.Length, options);
        return DocumentBuilder.Build(utf8, options);
    }

    public static JsonParseResult Parse(string text, JsonParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= JsonParseOptions.Default;

        // Every char takes at least one byte; past a third of the array limit the bytes might not fit at all.
        if (text.Length > options.MaxBytes || text.Length > Array.MaxLength / 3) return TooLarge(text.Length, options);
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > options.MaxBytes) return TooLarge(size, options);
        var bytes = DocumentMemory.Allocate<byte>(size);
        Encoding.UTF8.GetBytes(text, bytes);
        return DocumentBuilder.Build(bytes, options);
    }

    private static JsonParseResult TooLarge(long size, JsonParseOptions options)
    {
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"the file is {size:N0} bytes, over the limit of {options.MaxBytes:N0} bytes; it was not parsed");
        return new JsonParseResult(null, [new JsonProblem(JsonProblemKind.TooLarge, SourcePosition.None, message)]);
    }
}
