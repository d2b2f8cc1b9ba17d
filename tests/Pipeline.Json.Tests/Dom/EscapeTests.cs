using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Dom;

public class EscapeTests
{
    [Fact]
    public void EveryEscapeIsDecoded()
    {
        Given.Json("""["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC\ud83d\ude00", "a\u0000b"]""").Items.Select(i => i.String).Should().Equal(
            "\"\\/\b\f\n\r\t",
            "Aé€😀",
            "a\0b");
    }

    [Fact]
    public void LoneSurrogateEscapesAreKeptAsTheyAre()
    {
        var root = Given.Json("""{"\udc00": "x\ud800y", "k": "\ude00\ud83d"}""");

        root.Properties[0].Name.Should().Be("\udc00");
        root["\udc00"]!.String.Should().Be("x\ud800y");
        root["k"]!.String.Should().Be("\ude00\ud83d");
    }

    [Fact]
    public void RepeatedNamesWithLoneSurrogatesAreStillDuplicates()
    {
        var result = JsonParser.Parse("""{"\udc00": 1, "\uDC00": 2}""");

        result.Problems.Single().Kind.Should().Be(JsonProblemKind.DuplicateKey);
    }

    [Fact]
    public void LongEscapedStringsAreDecoded()
    {
        var text = string.Concat(Enumerable.Repeat("ab\\n", 1000));

        Given.Json($"\"{text}\"").String.Should().Be(string.Concat(Enumerable.Repeat("ab\n", 1000)));
    }
}
