using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

public class EncodingTests
{
    [Fact]
    public void AByteOrderMarkIsReportedAndParsingContinues()
    {
        var result = JsonParser.Parse("\uFEFF{\"a\": 1}"u8.ToArray());

        result.Problems.Should().ContainSingle().Which.Should().Be(new JsonProblem(
            JsonProblemKind.ByteOrderMark,
            new SourcePosition(1, 1),
            "the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM"));
        result.Root!["a"]!.Number.Should().Be(1);
    }

    [Fact]
    public void AByteOrderMarkInTextIsReportedToo()
    {
        var result = JsonParser.Parse("\uFEFF[]");

        result.Problems.Select(p => p.Kind).Should().Equal(JsonProblemKind.ByteOrderMark);
        result.Root!.Kind.Should().Be(JsonKind.Array);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtTheFirstBadByteWithoutARoot()
    {
        byte[] bytes = [.. "{\n  \"név\": \""u8, 0xC3, 0x28, .. "\"\n}"u8];

        var result = JsonParser.Parse(bytes);

        result.Root.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Be(new JsonProblem(
            JsonProblemKind.InvalidUtf8,
            new SourcePosition(2, 11),
            "the file is not valid UTF-8: byte 0xC3 does not begin a valid character"));
    }

    [Fact]
    public void ATruncatedSequenceAtTheEndIsInvalid()
    {
        byte[] bytes = [.. "\"ab"u8, 0xE2, 0x82];

        var problem = JsonParser.Parse(bytes).Problems.Single();

        problem.Kind.Should().Be(JsonProblemKind.InvalidUtf8);
        problem.Position.Should().Be(new SourcePosition(1, 4));
    }

    [Fact]
    public void EncodedSurrogatesAreInvalid()
    {
        byte[] bytes = [.. "[\""u8, 0xED, 0xA0, 0x80, .. "\"]"u8];

        JsonParser.Parse(bytes).Problems.Single().Kind.Should().Be(JsonProblemKind.InvalidUtf8);
    }
}
