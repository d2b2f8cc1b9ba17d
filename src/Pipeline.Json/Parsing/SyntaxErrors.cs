using System.Globalization;
using System.Text.Json;
using System.Text;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Parsing;

/// <summary>
/// Turns the reader's exception into a plain-English problem at the offending character. The
/// reader's own wording is only used to tell the kinds of error apart; the message is ours.
/// </summary>
internal static class SyntaxErrors
{
    public static JsonProblem Describe(JsonException error, JsonSource source, int innermost, int consumed)
    {
        var bytes = source.Bytes;
        var offset = error is { LineNumber: long line, BytePositionInLine: long column }
            ? source.LineStart(line) + (int)Math.Min(column, int.MaxValue)
            : consumed;
        offset = Math.Clamp(offset, source.Start, bytes.Length);
        var reason = error.Message;
        var found = offset < bytes.Length ? bytes[offset] : (byte)0;
        var atEnd = bytes[offset..].IndexOfAnyExcept(" \t\r\n"u8) < 0;

        bool Says(string fragment) => reason.Contains(fragment, StringComparison.Ordinal);
        (int At, string Message) described = reason switch
        {
            _ when Says("end of string") => Unterminated(bytes, consumed),
            _ when Says("invalid JSON literal") => InvalidLiteral(bytes, consumed),
            _ when Says("does not contain any JSON tokens") => (offset, "the file is empty; expected a JSON value"),
            _ when atEnd || Says("reached end of data") => EndOfFile(bytes, source, innermost),
            _ when found == (byte)'/' => (offset, "comments are not allowed in JSON"),
            _ when Says("trailing comma") => TrailingComma(bytes, offset, found),
            _ when Says("invalid after a value") => (offset, innermost >= 0 && bytes[innermost] == (byte)'['
                ? "expected ',' or ']' after an array item"
                : "expected ',' or '}' after a property value"),
            _ when Says("invalid after a property name") => (offset, "expected ':' after the property name"),
            _ when Says("invalid start of a property name") => (offset, found switch
            {
                (byte)'\'' => "property names must be in double quotes, not single quotes",
                (byte)',' => "expected a property name, found ','",
                _ => $"property names must be strings in double quotes, found {Found(bytes, offset)}",
            }),
            _ when Says("invalid start of a value") => (offset, found switch
            {
                (byte)'\'' => "strings must be in double quotes, not single quotes",
                (byte)'+' => "a number must not start with '+'",
                (byte)'.' => "a number must start with a digit",
                _ when char.IsAsciiLetter((char)found) => $"`{Word(bytes, offset)}` is not a JSON value; expected a string, number, object, array, true, false or null",
                _ => $"expected a value, found {Found(bytes, offset)}",
            }),
            _ when Says("after a single JSON value") => (offset, $"unexpected {Found(bytes, offset)} after the end of the JSON value; a file holds exactly one value"),
            _ when Says("without a matching open") => (offset, Mismatched(source, found, innermost)),
            _ when Says("escapable character") || Says("hex digit") => (offset, "invalid escape sequence in a string"),
            _ when Says("within a JSON string") && found is (byte)'\n' or (byte)'\r' => (offset, "line break inside a string: close the string before the end of the line, or write the break as \\n"),
            _ when Says("within a JSON string") => (offset, string.Create(CultureInfo.InvariantCulture, $"control character U+{found:X4} must be escaped inside a string")),
            _ when Says("number") || Says("leading zero") || Says("digit") => (offset, "invalid number"),
            _ => (offset, Strip(reason)),
        };
        return new JsonProblem(JsonProblemKind.Syntax, source.PositionOf(described.At), described.Message);
    }

    private static (int, string) Unterminated(ReadOnlySpan<byte> bytes, int consumed)
    {
        var quote = bytes[consumed..].IndexOf((byte)'"');
        return (quote < 0 ? consumed : consumed + quote, "unterminated string: the closing '\"' is missing");
    }

    private static (int, string) InvalidLiteral(ReadOnlySpan<byte> bytes, int consumed)
    {
        var start = consumed + Math.Max(0, bytes[consumed..].IndexOfAnyExcept(" \t\r\n,:"u8));
        return (start, $"`{Word(bytes, start)}` is not a JSON value; expected true, false or null");
    }

    private static (int, string) EndOfFile(ReadOnlySpan<byte> bytes, JsonSource source, int innermost)
    {
        var end = Math.Max(source.Start, bytes[source.Start..].LastIndexOfAnyExcept(" \t\r\n"u8) + source.Start + 1);
        if (innermost < 0) return (end, "unexpected end of file; the JSON value is incomplete");
        var opened = source.PositionOf(innermost);
        var (what, closer) = bytes[innermost] == (byte)'{' ? ("object", '}') : ("array", ']');
        return (end, string.Create(
            CultureInfo.InvariantCulture,
            $"unexpected end of file: the {what} opened at line {opened.Line}, column {opened.Column} is never closed (expected '{closer}')"));
    }

    private static (int, string) TrailingComma(ReadOnlySpan<byte> bytes, int offset, byte closer)
    {
        var comma = bytes[..offset].LastIndexOf((byte)',');
        var where = closer == (byte)']' ? "the last array item" : "the last property";
        return (comma < 0 ? offset : comma, $"trailing comma after {where}; remove the ','");
    }

    private static string Mismatched(JsonSource source, byte found, int innermost)
    {
        if (innermost < 0) return $"'{(char)found}' has no matching opening bracket";
        var opened = source.PositionOf(innermost);
        var (what, closer) = source.Bytes[innermost] == (byte)'{' ? ("object", '}') : ("array", ']');
        return string.Create(
            CultureInfo.InvariantCulture,
            $"'{(char)found}' does not close the {what} opened at line {opened.Line}, column {opened.Column}; expected ',' or '{closer}'");
    }

    /// <summary>The character at an offset, quoted, or its code point when it is not printable ASCII.</summary>
    private static string Found(ReadOnlySpan<byte> bytes, int offset)
    {
        if (offset >= bytes.Length) return "the end of the file";
        var b = bytes[offset];
        if (b is >= 0x21 and < 0x7F) return $"'{(char)b}'";
        Rune.DecodeFromUtf8(bytes[offset..], out var rune, out _);
        return string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
    }

    /// <summary>The run of letters and digits starting at an offset (at most 32), for naming a bad literal.</summary>
    private static string Word(ReadOnlySpan<byte> bytes, int offset)
    {
        var end = offset;
        while (end < bytes.Length && end - offset < 32 && (char.IsAsciiLetterOrDigit((char)bytes[end]) || bytes[end] is (byte)'_' or (byte)'-' or (byte)'.'))
        {
            end++;
        }
        return end == offset ? Found(bytes, offset) : Encoding.ASCII.GetString(bytes[offset..end]);
    }

    private static string Strip(string message)
    {
        var noise = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return noise < 0 ? message : message[..noise];
    }
}
