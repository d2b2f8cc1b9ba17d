using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Validation;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

public class StringKeywordTests
{
    [Fact]
    public void PatternMismatchQuotesTheValueAndThePattern()
    {
        var error = Given.Errors("""{"properties": {"name": {"pattern": "^[a-z][a-z0-9-]*[a-z0-9]$"}}}""", "{\"name\": \"Foo\"}").Single();

        error.Should().Be(new SchemaError(
            "pattern",
            "/name",
            new SourcePosition(1, 10),
            "`name` \"Foo\" does not match the pattern ^[a-z][a-z0-9-]*[a-z0-9]$",
            "/properties/name/pattern",
            "name"));
    }

    [Fact]
    public void PatternsAreNotAnchoredUnlessTheySaySo()
    {
        Given.Errors("""{"pattern": "b+"}""", "\"abbc\"").Should().BeEmpty();
    }

    [Fact]
    public void AnEcmaIdentityEscapeOfUnderscoreIsAccepted()
    {
        Given.Errors("""{"pattern": "^[a-zA-Z0-9\\.\\-\\_ ]+$"}""", "\"a_b-c.d e\"").Should().BeEmpty();
    }

    [Theory]
    [InlineData(@"^\\d+$", "42", true)]
    [InlineData(@"^\\d+$", "৪২", false)] // Bengali digits: Unicode digits, not ECMA's \d
    [InlineData(@"^\\w+$", "école", false)]
    [InlineData(@"^[\\w.-]+$", "a_b.c-d", true)]
    [InlineData(@"^\\W$", "é", true)]
    [InlineData(@"^\\s$", "\uFEFF", true)]
    [InlineData(@"^\\s$", "\u0085", false)]
    [InlineData(@"^\\p{Letter}cole$", "école", true)]
    [InlineData(@"^\\p{Lu}", "école", false)]
    public void ClassEscapesMeanWhatTheyMeanInEcma262(string pattern, string text, bool matches)
    {
        var schema = $$"""{"pattern": "{{pattern}}"}""";

        Given.Errors(schema, $"\"{text}\"").Should().HaveCount(matches ? 0 : 1);
    }

    [Fact]
    public void AnInvalidPatternIsReportedAsWritten()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"pattern": "^\\d+(\\w"}"""));

        loaded.Problems.Single().Message.Should().Be("invalid regular expression in `pattern`: Invalid pattern '^\\d+(\\w' at offset 7. Not enough )'s.");
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("🐲🐲", true)]
    [InlineData("🐲🐉", false)]
    public void ACharacterBeyondTheBasicPlaneIsQuantifiedWhole(string text, bool matches)
    {
        Given.Errors("""{"pattern": "^🐲*$"}""", $"\"{text}\"").Should().HaveCount(matches ? 0 : 1);
    }

    [Fact]
    public void LengthsCountCodePoints()
    {
        const string Schema = """{"properties": {"name": {"minLength": 2, "maxLength": 3}}}""";

        Given.Errors(Schema, "{\"name\": \"😀😀😀\"}").Should().BeEmpty();
        Given.Messages(Schema, "{\"name\": \"😀\"}").Should().Equal("`name` must be at least 2 characters long");
        Given.Messages(Schema, "{\"name\": \"abcd\"}").Should().Equal("`name` must be at most 3 characters long");
        Given.Messages("""{"minLength": 1}""", "\"\"").Should().Equal("the document must be at least 1 character long");
    }

    [Theory]
    [InlineData("uri", "https://example.com/a?b#c", "ftp://x", "urn:isbn:123")]
    [InlineData("uri-reference", "../relative/path", "#frag", "https://x")]
    [InlineData("email", "info@example.com", "a.b+c@d", "x@y")]
    [InlineData("ipv4", "10.0.0.1", "255.255.255.255", "0.0.0.0")]
    [InlineData("ipv6", "::1", "fe80::1", "2001:db8::8a2e:370:7334", "::ffff:192.168.0.1")]
    [InlineData("hostname", "example.com", "a-b.c", "localhost")]
    [InlineData("date-time", "2024-01-31T12:00:00Z", "2024-01-31T12:00:00.5+01:00", "2024-01-31t12:00:00z", "2016-12-31T23:59:60Z", "2016-12-31T15:59:60-08:00")]
    [InlineData("regex", "^a+$", "[a-z]", "\\_x")]
    public void KnownFormatsAcceptGoodValues(string format, params string[] values)
    {
        foreach (var value in values)
        {
            Given.Errors($$"""{"format": "{{format}}"}""", JsonText(value)).Should().BeEmpty(value);
        }
    }

    [Theory]
    [InlineData("uri", "a valid absolute URI", "example.com", "/just/a/path", "http://exa mple.com")]
    [InlineData("uri-reference", "a valid URI reference", "has space")]
    [InlineData("email", "a valid email address", "no-at-sign", "two@@signs", "@x")]
    [InlineData("ipv4", "a valid IPv4 address", "1.2.3", "256.1.1.1", "01.2.3.4", "a.b.c.d")]
    [InlineData("ipv6", "a valid IPv6 address", "1.2.3.4", "::g", "fe80::a%eth1", "[::1]", "::ffff:192.168.0.01")]
    [InlineData("hostname", "a valid host name", "-bad.com", "under_score.com")]
    [InlineData("date-time", "a valid date-time (like 2024-01-31T12:00:00Z)", "2024-01-31", "2024-13-01T00:00:00Z", "yesterday", "2024-01-31T12:00:00Z\n", "2016-12-31T23:58:60Z")]
    [InlineData("regex", "a valid regular expression", "[unclosed", "(")]
    public void KnownFormatsRejectBadValues(string format, string description, params string[] values)
    {
        foreach (var value in values)
        {
            var error = Given.Errors("{\"properties\": {\"v\": {\"format\": \"" + format + "\"}}}", "{\"v\": " + JsonText(value) + "}").Single();
            error.Keyword.Should().Be("format");
            error.Message.Should().Be($"`v` {JsonText(value)} is not {description}");
        }
    }

    [Fact]
    public void UnknownFormatsAreIgnored()
    {
        Given.Errors("""{"format": "password"}""", "\"anything\"").Should().BeEmpty();
    }

    [Fact]
    public void StringKeywordsIgnoreOtherTypes()
    {
        Given.Errors("""{"pattern": "^x$", "minLength": 5, "format": "uri"}""", "42").Should().BeEmpty();
    }

    private static string JsonText(string value) => System.Text.Json.JsonSerializer.Serialize(value, Relaxed);

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
