using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

public class PositionTests
{
    [Fact]
    public void RootStartsAtLineOneColumnOne()
    {
        Given.Json("{}").Position.Should().Be(new SourcePosition(1, 1));
    }

    [Fact]
    public void ValuesAndNamesArePlacedAtTheirFirstCharacter()
    {
        var root = Given.Json("{\n  \"name\": \"kafka\",\n  \"tags\": [1, true]\n}");

        root.Properties[0].NamePosition.Should().Be(new SourcePosition(2, 3));
        root["name"]!.Position.Should().Be(new SourcePosition(2, 11));
        root["tags"]!.Position.Should().Be(new SourcePosition(3, 11));
        root["tags"]!.Items[1].Position.Should().Be(new SourcePosition(3, 15));
    }

    [Fact]
    public void ColumnsCountCodePointsNotBytesOrUtf16Units()
    {
        // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes and two UTF-16 units: each is one column.
        var root = Given.Json("{\"é€😀\": \"😀\", \"x\": 1}");

        root["é€😀"]!.Position.Should().Be(new SourcePosition(1, 9));
        root["x"]!.Position.Should().Be(new SourcePosition(1, 19));
    }

    [Fact]
    public void CrLfLineEndingsCountAsOneLineBreak()
    {
        var root = Given.Json("{\r\n\t\"a\": 1,\r\n\t\"b\": [\r\n\t\t2\r\n\t]\r\n}");

        root["a"]!.Position.Should().Be(new SourcePosition(2, 7));
        root["b"]!.Items[0].Position.Should().Be(new SourcePosition(4, 3));
    }

    [Fact]
    public void BytesAndTextGiveTheSamePositions()
    {
        const string Text = "[\n  \"ü\", {\"k\": null}\n]";

        var fromText = JsonParser.Parse(Text).Root!;
        var fromBytes = JsonParser.Parse(System.Text.Encoding.UTF8.GetBytes(Text)).Root!;

        fromBytes.Items[1]["k"]!.Position.Should().Be(fromText.Items[1]["k"]!.Position).And.Be(new SourcePosition(2, 14));
    }

    [Fact]
    public void AByteOrderMarkDoesNotShiftColumns()
    {
        var result = JsonParser.Parse("\uFEFF{\"a\": 1}"u8.ToArray());

        result.Root!["a"]!.Position.Should().Be(new SourcePosition(1, 7));
    }

    [Fact]
    public void PropertiesBuiltByHandKeepTheirGivenPosition()
    {
        var value = Given.Json("1");

        var property = new JsonMember("n", value, new SourcePosition(7, 3));

        property.NamePosition.Should().Be(new SourcePosition(7, 3));
    }
}
