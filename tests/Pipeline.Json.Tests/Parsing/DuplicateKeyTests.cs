using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

public class DuplicateKeyTests
{
    [Fact]
    public void TheRepeatIsReportedAtItsNameNamingTheFirst()
    {
        var result = JsonParser.Parse("{\n  \"a\": 1,\n  \"name\": \"x\",\n  \"b\": 2,\n  \"name\": \"y\"\n}");

        result.Problems.Should().ContainSingle().Which.Should().Be(new JsonProblem(
            JsonProblemKind.DuplicateKey,
            new SourcePosition(5, 3),
            "duplicate key `name` (first at line 3)"));
    }

    [Fact]
    public void TheDocumentIsStillBuiltAndTheLastValueWins()
    {
        var result = JsonParser.Parse("{\"name\": \"x\", \"name\": \"y\"}");

        result.Root!.Properties.Should().HaveCount(2);
        result.Root["name"]!.String.Should().Be("y");
        result.Root.TryGet("name", out var value).Should().BeTrue();
        value.String.Should().Be("y");
    }

    [Fact]
    public void EveryRepeatIsReported()
    {
        var result = JsonParser.Parse("{\"a\": 1, \"a\": 2, \"a\": 3}");

        result.Problems.Select(p => (p.Position.Column, p.Message)).Should().Equal(
            (10, "duplicate key `a` (first at line 1)"),
            (18, "duplicate key `a` (first at line 1)"));
    }

    [Fact]
    public void EscapedAndPlainSpellingsOfOneNameAreTheSameKey()
    {
        var result = JsonParser.Parse("{\"é\": 1, \"\\u00e9\": 2}");

        result.Problems.Should().ContainSingle().Which.Message.Should().Be("duplicate key `é` (first at line 1)");
    }

    [Fact]
    public void LargeObjectsAreCheckedToo()
    {
        var members = string.Join(",\n", Enumerable.Range(0, 40).Select(i => $"\"k{i}\": {i}"));

        var result = JsonParser.Parse($"{{\n{members},\n\"k7\": 0\n}}");

        result.Problems.Should().ContainSingle().Which.Should().Be(new JsonProblem(
            JsonProblemKind.DuplicateKey,
            new SourcePosition(42, 1),
            "duplicate key `k7` (first at line 9)"));
    }

    [Fact]
    public void TheSameNameInDifferentObjectsIsFine()
    {
        JsonParser.Parse("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}").Problems.Should().BeEmpty();
    }
}
