using System.Diagnostics;
using Pipeline.Diagnostics;

namespace Pipeline.Json.Tests.Parsing;

public class LimitTests
{
    [Fact]
    public void TenThousandLevelsOfNestingGiveOneTooDeepProblemQuickly()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        var clock = Stopwatch.StartNew();

        var result = JsonParser.Parse(text);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        result.Root.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Be(new JsonProblem(
            JsonProblemKind.TooDeep,
            new SourcePosition(1, 129),
            "objects and arrays are nested more than 128 levels deep here; the file was not parsed further"));
    }

    [Fact]
    public void NestingUpToTheLimitIsFine()
    {
        var options = new JsonParseOptions { MaxDepth = 3 };

        JsonParser.Parse("[{\"a\": [1]}]", options).Root.Should().NotBeNull();
        JsonParser.Parse("[{\"a\": [[1]]}]", options).Problems.Single().Kind.Should().Be(JsonProblemKind.TooDeep);
    }

    [Fact]
    public void DeepDocumentsAllowedByTheOptionsAreBuiltWithoutRecursion()
    {
        const int Depth = 50_000;
        var text = new string('[', Depth) + "7" + new string(']', Depth);

        var root = JsonParser.Parse(text, new JsonParseOptions { MaxDepth = Depth }).Root!;

        var innermost = root;
        while (innermost.Kind == JsonKind.Array) innermost = innermost.Items[0];
        innermost.Number.Should().Be(7);
        innermost.Pointer.Should().HaveLength(Depth * 2);
        root.Resolve(innermost.Pointer).Should().BeSameAs(innermost);
        root.ToJsonNode().Should().NotBeNull();
    }

    [Fact]
    public void FiftyMegabytesAreRejectedAsTooLargeWithoutParsing()
    {
        var bytes = new byte[50 * 1024 * 1024];
        var clock = Stopwatch.StartNew();

        var result = JsonParser.Parse(bytes);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(500));
        result.Root.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Be(new JsonProblem(
            JsonProblemKind.TooLarge,
            SourcePosition.None,
            "the file is 52,428,800 bytes, over the limit of 8,388,608 bytes; it was not parsed"));
    }

    [Fact]
    public void LargeTextIsRejectedByItsUtf8Size()
    {
        var text = "\"" + new string('é', 600) + "\"";

        var result = JsonParser.Parse(text, new JsonParseOptions { MaxBytes = 1000 });

        result.Problems.Single().Message.Should().Be("the file is 1,202 bytes, over the limit of 1,000 bytes; it was not parsed");
    }
}
