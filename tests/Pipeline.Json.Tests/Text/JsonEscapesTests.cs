using System.Text;
using Pipeline.Json.Text;

namespace Pipeline.Json.Tests.Text;

public class JsonEscapesTests
{
    public class TheEscapeMethod
    {
        public static TheoryData<char, string> Escapes => new()
        {
            { '"', "\\\"" },
            { '\\', "\\\\" },
            { '\n', "\\n" },
            { '\r', "\\r" },
            { '\t', "\\t" },
            { '\b', "\\b" },
            { '\f', "\\f" },
            { '\0', "\\u0000" },
            { '\u001f', "\\u001f" },
            { '\u007f', "\\u007f" },
            { 'é', "\\u00e9" },
            { '\u2028', "\\u2028" },
            { '\uFEFF', "\\ufeff" },
            { '\uD800', "\\ud800" },
            { '\uDBFF', "\\udbff" },
            { '\uDC00', "\\udc00" },
            { '\uDFFF', "\\udfff" },
        };

        [Theory]
        [MemberData(nameof(Escapes))]
        public void WritesTheShortFormOrLowerCaseHex(char c, string expected)
        {
            Span<char> chars = stackalloc char[JsonEscapes.MaxEscapeLength];

            new string(chars[..JsonEscapes.Escape(c, chars)]).Should().Be(expected);
        }

        [Theory]
        [MemberData(nameof(Escapes))]
        public void WritesTheSameAsciiBytesAsChars(char c, string expected)
        {
            Span<byte> bytes = stackalloc byte[JsonEscapes.MaxEscapeLength];

            Encoding.ASCII.GetString(bytes[..JsonEscapes.Escape(c, bytes)]).Should().Be(expected);
        }
    }

    public class TheEscapeAsUnicodeMethod
    {
        [Theory]
        [InlineData('\b', "\\u0008")]
        [InlineData('\f', "\\u000c")]
        [InlineData('"', "\\u0022")]
        [InlineData('\uABCD', "\\uabcd")]
        public void AlwaysWritesSixUnits(char c, string expected)
        {
            Span<char> chars = stackalloc char[JsonEscapes.MaxEscapeLength];

            new string(chars[..JsonEscapes.EscapeAsUnicode(c, chars)]).Should().Be(expected);
        }
    }

    public class TheIsRequiredMethod
    {
        [Theory]
        [InlineData('"')]
        [InlineData('\\')]
        [InlineData('\0')]
        [InlineData('\n')]
        [InlineData('\u001f')]
        public void IsTrueForQuotesBackslashesAndControls(char c) => JsonEscapes.IsRequired(c).Should().BeTrue();

        [Theory]
        [InlineData(' ')]
        [InlineData('/')]
        [InlineData('<')]
        [InlineData('\u007f')]
        [InlineData('é')]
        [InlineData('\u2028')]
        [InlineData('\uD800')]
        [InlineData('\uDC00')]
        public void IsFalseForEverythingElse(char c) => JsonEscapes.IsRequired(c).Should().BeFalse();
    }

    public class TheUnescapeMethod
    {
        [Fact]
        public void KeepsALoneHighSurrogate() => Unescape("x\\ud800y").Should().Be("x\uD800y");

        [Fact]
        public void KeepsALoneLowSurrogate() => Unescape("\\uDC00").Should().Be("\uDC00");

        [Fact]
        public void JoinsAnEscapedPairIntoOneCharacter() => Unescape("\\ud83d\\ude80").Should().Be("🚀");

        [Fact]
        public void DecodesEveryShortFormAndControls() =>
            Unescape("\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u2028").Should().Be("\"\\/\b\f\n\r\t\u0001\u2028");

        [Fact]
        public void KeepsNonAsciiTextAsItIs() => Unescape("héllo \\n 日本").Should().Be("héllo \n 日本");

        [Fact]
        public void KeepsAMalformedEscapeAsText() => Unescape("a\\u12g4\\q\\").Should().Be("a\\u12g4\\q\\");

        [Fact]
        public void DecodesTextLongerThanTheStackBuffer()
        {
            var raw = string.Concat(Enumerable.Repeat("é\\ud800", 200));

            Unescape(raw).Should().Be(string.Concat(Enumerable.Repeat("é\uD800", 200)));
        }

        private static string Unescape(string raw) => JsonEscapes.Unescape(Encoding.UTF8.GetBytes(raw));
    }
}
