using System.Text;
using Pipeline.Build.Json;

namespace Pipeline.Build.Tests.Json;

/// <summary>
/// The Python-compatible contract of the DC/OS repository files and our index: json.dumps with
/// ensure_ascii, so the output is ASCII whatever the input.
/// </summary>
public class JsonStringEscaperTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "plain text / <b>", "\"plain text / <b>\"" },
        { "q\"b\\", "\"q\\\"b\\\\\"" },
        { "\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"" },
        { "\u0001\u001f\u007f", "\"\\u0001\\u001f\\u007f\"" },
        { "héllo 日本", "\"h\\u00e9llo \\u65e5\\u672c\"" },
        { "\u2028", "\"\\u2028\"" },
        { "🚀", "\"\\ud83d\\ude80\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WriteQuoted_escapes_as_Python_does_with_ensure_ascii(string value, string expected)
    {
        using var output = new JsonOutputBuffer(16);

        JsonStringEscaper.WriteQuoted(output, value);

        Encoding.ASCII.GetString(output.WrittenSpan).Should().Be(expected);
    }

    [Fact]
    public void WriteQuoted_writes_lone_surrogates_as_their_escapes()
    {
        // Only text can hold a lone surrogate (UTF-8 cannot), and theory data would lose it on the way
        // to the test, so the cases are here.
        foreach (var (value, expected) in (ReadOnlySpan<(string, string)>)[("a\uD800b", "\"a\\ud800b\""), ("a\uDC00b", "\"a\\udc00b\""), ("\uDC00\uD800", "\"\\udc00\\ud800\"")])
        {
            using var output = new JsonOutputBuffer(16);

            JsonStringEscaper.WriteQuoted(output, value);

            Encoding.ASCII.GetString(output.WrittenSpan).Should().Be(expected);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WriteQuotedUtf8_writes_the_same_as_WriteQuoted(string value, string expected)
    {
        using var output = new JsonOutputBuffer(16);

        JsonStringEscaper.WriteQuotedUtf8(output, Encoding.UTF8.GetBytes(value));

        Encoding.ASCII.GetString(output.WrittenSpan).Should().Be(expected);
    }

    [Fact]
    public void WriteQuotedUtf8_writes_invalid_UTF8_as_the_replacement_character()
    {
        using var output = new JsonOutputBuffer(16);

        JsonStringEscaper.WriteQuotedUtf8(output, [(byte)'a', 0xFF, (byte)'b']);

        Encoding.ASCII.GetString(output.WrittenSpan).Should().Be("\"a\\ufffdb\"");
    }

    [Theory]
    [InlineData("abc / <>", true)]
    [InlineData("a\"b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\nb", false)]
    [InlineData("é", false)]
    public void IsVerbatim_only_for_printable_ASCII_without_quotes_or_backslashes(string value, bool verbatim) =>
        JsonStringEscaper.IsVerbatim(Encoding.UTF8.GetBytes(value)).Should().Be(verbatim);
}
