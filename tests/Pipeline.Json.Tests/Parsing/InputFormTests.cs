using System.Text;
using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

public class InputFormTests
{
    [Fact]
    public void BytesAreCopiedSoTheCallerMayReuseTheBuffer()
    {
        var buffer = Encoding.UTF8.GetBytes("{\"a\": \"x\"}");

        var root = JsonParser.Parse(buffer).Root!;
        buffer.AsSpan().Fill((byte)' ');

        root["a"]!.String.Should().Be("x");
    }

    [Fact]
    public void MemoryIsReadInPlace()
    {
        ReadOnlyMemory<byte> content = Encoding.UTF8.GetBytes("{\n  \"name\": \"kafka\",\n  \"n\": 1.50\n}");

        var root = JsonParser.Parse(content).Root!;

        root["name"]!.String.Should().Be("kafka");
        root["n"]!.NumberText.Should().Be("1.50");
        root["n"]!.Position.Should().Be(new SourcePosition(3, 8));
    }

    [Fact]
    public void MemoryIsCheckedLikeBytes()
    {
        ReadOnlyMemory<byte> content = new byte[] { (byte)'[', 0xFF, (byte)']' };

        JsonParser.Parse(content).Problems.Single().Kind.Should().Be(JsonProblemKind.InvalidUtf8);
        JsonParser.Parse(content, new JsonParseOptions { MaxBytes = 2 }).Problems.Single().Kind.Should().Be(JsonProblemKind.TooLarge);
    }

    [Fact]
    public void ASliceOfALargerBufferStartsAtItsOwnLineOne()
    {
        var buffer = Encoding.UTF8.GetBytes("garbage\n[1,\n 2]trailing");

        var root = JsonParser.Parse(buffer.AsMemory(8, 7)).Root!;

        root.Items[1].Position.Should().Be(new SourcePosition(2, 2));
    }

    [Fact]
    public void ValuesPrintAsCompactJson()
    {
        Given.Json("{\"a\": [1, \"x\\ny\", null, {}]}").ToString().Should().Be("{\"a\":[1,\"x\\ny\",null,{}]}");
    }
}
