namespace Pipeline.Json.Tests.Dom;

/// <summary>
/// Values as messages quote them (<c>JsonDatum.ToString</c>): only what JSON requires is escaped,
/// with U+0008 and U+000C as \u escapes. A baseline fingerprints messages, so this text is fixed.
/// </summary>
public class MessageQuotingTests
{
    [Theory]
    [InlineData("\"a\\\"b\\\\c\"", "\"a\\\"b\\\\c\"")]
    [InlineData("\"\\n\\r\\t\"", "\"\\n\\r\\t\"")]
    [InlineData("\"\\b\\f\"", "\"\\u0008\\u000c\"")]
    [InlineData("\"\\u0001\\u001f\"", "\"\\u0001\\u001f\"")]
    [InlineData("\"\\/\"", "\"/\"")]
    public void EscapesOnlyWhatJsonRequires(string json, string expected) =>
        Given.Json(json).ToString().Should().Be(expected);

    [Fact]
    public void KeepsNonAsciiLineSeparatorsAndLoneSurrogatesAsTheyAre()
    {
        Given.Json("""["é日本🚀", "\u2028", "\ud800", "\udc00"]""").ToString()
            .Should().Be("[\"é日本🚀\",\"\u2028\",\"\uD800\",\"\uDC00\"]");
    }

    [Fact]
    public void QuotesNamesTheSameWay() =>
        Given.Json("""{"a\bb": 1}""").ToString().Should().Be("{\"a\\u0008b\":1}");
}
