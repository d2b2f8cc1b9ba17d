using System.Text.Json.Nodes;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Dom;

public class ConversionTests
{
    [Fact]
    public void ConvertsDeeplyKeepingNumbersAsWritten()
    {
        var node = Given.Json("""{"s": "x\n", "i": 42, "d": 2.50, "e": 1e2, "b": true, "n": null, "a": [1, [2], {}], "o": {"k": -7}}""").ToJsonNode();

        node!.ToJsonString().Should().Be("""{"s":"x\n","i":42,"d":2.50,"e":100,"b":true,"n":null,"a":[1,[2],{}],"o":{"k":-7}}""");
    }

    [Fact]
    public void NullBecomesNull()
    {
        Given.Json("null").ToJsonNode().Should().BeNull();
    }

    [Fact]
    public void ScalarsConvertAlone()
    {
        Given.Json("\"x\"").ToJsonNode()!.GetValue<string>().Should().Be("x");
        Given.Json("3").ToJsonNode()!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public void ADuplicatedKeyKeepsItsLastValue()
    {
        var node = JsonParser.Parse("{\"a\": 1, \"a\": 2}").Root!.ToJsonNode()!.AsObject();

        node.Count.Should().Be(1);
        node["a"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public void NumbersBeyondDoubleRangeAreClamped()
    {
        var node = Given.Json("[1e400, -1e400, 18446744073709551615]").ToJsonNode()!.AsArray();

        node[0]!.GetValue<double>().Should().Be(double.MaxValue);
        node[1]!.GetValue<double>().Should().Be(double.MinValue);
        node[2]!.GetValue<ulong>().Should().Be(ulong.MaxValue);
    }

    [Fact]
    public void EachCallMakesAFreshTree()
    {
        var value = Given.Json("{\"a\": [1]}");

        var first = value.ToJsonNode()!.AsObject();
        first["a"]!.AsArray().Add(2);

        value.ToJsonNode()!.ToJsonString().Should().Be("{\"a\":[1]}");
        first.Should().BeOfType<JsonObject>();
    }
}
