using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

public class LimitTests
{
    // A 20 KB text stopped at depth 129 allocates ~25 KB; building all 10,000 levels allocates ~500 KB.
    private const long AllocationBound = 128 * 1024;

    // Work is bounded by the bytes the parse allocates on this thread, not by a clock: a parse that
    // went on past the limit (building 10,000 levels, copying 50 MB) allocates far more.
    private static (JsonParseResult Result, long Allocated) Allocating(Func<JsonParseResult> parse)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = parse();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TenThousandLevelsOfNestingGiveOneTooDeepProblemQuickly()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        var (result, allocated) = Allocating(() => JsonParser.Parse(text));

        allocated.Should().BeLessThan(AllocationBound, "the parse stops at the 129th level rather than building all 10,000");
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

        var (result, allocated) = Allocating(() => JsonParser.Parse(bytes));

        allocated.Should().BeLessThan(64 * 1024, "the bytes are neither copied nor parsed");
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
