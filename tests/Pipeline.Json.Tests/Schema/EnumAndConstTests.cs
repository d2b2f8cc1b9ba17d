using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Tests.Schema;

public class EnumAndConstTests
{
    [Fact]
    public void EnumListsTheAllowedValues()
    {
        var error = Given.Errors("""{"properties": {"packagingVersion": {"enum": ["2.0", "3.0"]}}}""", """{"packagingVersion": "4.0"}""").Single();

        error.Keyword.Should().Be("enum");
        error.Message.Should().Be("`packagingVersion` must be one of \"2.0\", \"3.0\"");
        error.Field.Should().Be("packagingVersion");
        error.SchemaPointer.Should().Be("/properties/packagingVersion/enum");
    }

    [Fact]
    public void ASingleAllowedValueIsStatedPlainly()
    {
        Given.Messages("""{"enum": ["only"]}""", "\"other\"").Should().Equal("the document must be \"only\"");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("""{"b": [1, {"c": null}], "a": "x"}""")]
    [InlineData("[true, \"s\"]")]
    public void EnumComparesByJsonValue(string instance)
    {
        Given.Errors("""{"enum": [1, {"a": "x", "b": [1.0, {"c": null}]}, [true, "s"]]}""", instance).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"1\"")]
    [InlineData("""{"a": "x"}""")]
    [InlineData("[\"s\", true]")]
    public void EnumRejectsEverythingElse(string instance)
    {
        Given.Errors("""{"enum": [1, {"a": "x", "b": 2}, [true, "s"]]}""", instance).Should().ContainSingle().Which.Keyword.Should().Be("enum");
    }

    [Fact]
    public void LongEnumsAreCutShort()
    {
        var values = string.Join(", ", Enumerable.Range(1, 20));

        Given.Messages($$"""{"enum": [{{values}}]}""", "0").Should().Equal("the document must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, … (8 more)");
    }

    [Fact]
    public void ConstRequiresOneValue()
    {
        const string Schema = """{"properties": {"kind": {"const": {"v": 1}}}}""";

        Given.Errors(Schema, """{"kind": {"v": 1.0}}""").Should().BeEmpty();
        var error = Given.Errors(Schema, """{"kind": {"v": 2}}""").Single();
        error.Keyword.Should().Be("const");
        error.Message.Should().Be("`kind` must be {\"v\":1}");
    }
}
