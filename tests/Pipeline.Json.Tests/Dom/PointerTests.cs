using Pipeline.Json.Dom;

namespace Pipeline.Json.Tests.Dom;

public class PointerTests
{
    private static readonly JsonDatum Document = Given.Json("""
        {
          "": 0,
          "a/b": 1,
          "m~n": 2,
          "c%d": 3,
          "list": [10, {"x y": "deep"}],
          "é": 4
        }
        """);

    [Theory]
    [InlineData("", "")]
    [InlineData("/a~1b", "a/b")]
    [InlineData("/m~0n", "m~n")]
    [InlineData("/", "")]
    [InlineData("/c%d", "c%d")]
    public void ResolvesEscapedNames(string pointer, string name)
    {
        var value = Document.Resolve(pointer);

        value.Should().BeSameAs(name.Length == 0 && pointer.Length == 0 ? Document : Document[name]);
    }

    [Fact]
    public void PointersEscapeTildeAndSlash()
    {
        Document["a/b"]!.Pointer.Should().Be("/a~1b");
        Document["m~n"]!.Pointer.Should().Be("/m~0n");
        Document[""]!.Pointer.Should().Be("/");
        Document["list"]!.Items[1]["x y"]!.Pointer.Should().Be("/list/1/x y");
        Document["é"]!.Pointer.Should().Be("/é");
        Document.Pointer.Should().BeEmpty();
    }

    [Fact]
    public void EveryValueResolvesFromItsOwnPointer()
    {
        var pending = new Stack<JsonDatum>([Document]);
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            Document.Resolve(value.Pointer).Should().BeSameAs(value);
            foreach (var child in value.Items.Concat(value.Properties.Select(p => p.Value))) pending.Push(child);
        }
    }

    [Fact]
    public void UriFragmentsArePercentDecoded()
    {
        Document.Resolve("#/list/1/x%20y")!.String.Should().Be("deep");
        Document.Resolve("#/c%25d")!.Number.Should().Be(3);
        Document.Resolve("#/%C3%A9")!.Number.Should().Be(4);
        Document.Resolve("#").Should().BeSameAs(Document);
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/list/2")]
    [InlineData("/list/01")]
    [InlineData("/list/-")]
    [InlineData("/list/-1")]
    [InlineData("/list/x")]
    [InlineData("/a~1b/deeper")]
    [InlineData("/m~2n")]
    [InlineData("no-slash")]
    public void AbsentTargetsAreNull(string pointer)
    {
        Document.Resolve(pointer).Should().BeNull();
    }

    [Fact]
    public void PointersResolveRelativeToTheValueAsked()
    {
        Document["list"]!.Resolve("/1/x y")!.String.Should().Be("deep");
    }
}
