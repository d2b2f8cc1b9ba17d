using Pipeline.Diagnostics;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

public class TypeTests
{
    private const string Manifest = """{"properties": {"maintainer": {"type": "string"}, "port": {"type": "integer"}, "size": {"type": ["number", "null"]}}}""";

    [Fact]
    public void AWrongTypeNamesTheFieldAndBothTypes()
    {
        var error = Given.Errors(Manifest, "{\n  \"maintainer\": 5\n}").Single();

        error.Should().Be(new SchemaError(
            "type",
            "/maintainer",
            new SourcePosition(2, 17),
            "`maintainer` must be a string, not a number",
            "/properties/maintainer/type",
            "maintainer"));
    }

    [Theory]
    [InlineData("""{"port": 1}""")]
    [InlineData("""{"port": 1.0}""")]
    [InlineData("""{"port": 1e3}""")]
    [InlineData("""{"size": 1.5}""")]
    [InlineData("""{"size": null}""")]
    public void MatchingTypesPass(string instance)
    {
        Given.Errors(Manifest, instance).Should().BeEmpty();
    }

    [Fact]
    public void AFractionIsNotAnInteger()
    {
        Given.Messages(Manifest, """{"port": 1.5}""").Should().Equal("`port` must be an integer, not a fractional number (1.5)");
    }

    [Fact]
    public void SeveralTypesAreListed()
    {
        Given.Messages(Manifest, """{"size": "big"}""").Should().Equal("`size` must be a number or null, not a string");
    }

    [Fact]
    public void TheRootIsCalledTheDocumentAndHasNoField()
    {
        var error = Given.Errors("""{"type": "object"}""", "[]").Single();

        error.Message.Should().Be("the document must be an object, not an array");
        error.Field.Should().BeNull();
        error.InstancePointer.Should().BeEmpty();
    }

    [Fact]
    public void ArrayItemsAreNamedByTheirArrayAndIndex()
    {
        var error = Given.Errors("""{"properties": {"tags": {"items": {"type": "string"}}}}""", """{"tags": ["a", true]}""").Single();

        error.Message.Should().Be("`tags[1]` must be a string, not a boolean");
        error.Field.Should().Be("1");
        error.InstancePointer.Should().Be("/tags/1");
    }

    [Fact]
    public void AWrongTypeSilencesTheOtherKeywordsOfItsSchema()
    {
        Given.Messages("""{"type": "string", "minLength": 3, "enum": ["abc"]}""", "12").Should().Equal("the document must be a string, not a number");
    }
}
