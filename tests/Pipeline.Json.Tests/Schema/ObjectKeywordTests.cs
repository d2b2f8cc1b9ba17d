using Pipeline.Diagnostics;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

public class ObjectKeywordTests
{
    [Fact]
    public void AMissingRequiredPropertyIsNamedAtItsObject()
    {
        var errors = Given.Errors("""{"required": ["name", "tags"]}""", "{\n  \"name\": \"x\"\n}");

        errors.Should().Equal(new SchemaError("required", "", new SourcePosition(1, 1), "`tags` is required", "/required", "tags"));
    }

    [Fact]
    public void RequiredInANestedObjectPointsAtThatObject()
    {
        var error = Given.Errors("""{"properties": {"service": {"required": ["user"]}}}""", """{"service": {}}""").Single();

        error.InstancePointer.Should().Be("/service");
        error.Position.Should().Be(new SourcePosition(1, 13));
        error.Message.Should().Be("`user` is required");
    }

    [Fact]
    public void AnUnknownFieldIsReportedAtItsName()
    {
        var errors = Given.Errors("""{"properties": {"name": {}}, "additionalProperties": false}""", "{\n  \"name\": 1,\n  \"foo\": {\"deep\": true}\n}");

        errors.Should().Equal(new SchemaError(
            "additionalProperties",
            "/foo",
            new SourcePosition(3, 3),
            "unknown field `foo`",
            "/additionalProperties",
            "foo"));
    }

    [Fact]
    public void PatternPropertiesCountAsKnownAndValidateTheirValues()
    {
        const string Schema = """{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}""";

        Given.Errors(Schema, """{"x-a": "ok"}""").Should().BeEmpty();
        Given.Messages(Schema, """{"x-a": 1, "y": 2}""").Should().Equal("`x-a` must be a string, not a number", "unknown field `y`");
    }

    [Fact]
    public void AdditionalPropertiesCanBeASchema()
    {
        Given.Messages("""{"properties": {"a": {}}, "additionalProperties": {"type": "integer"}}""", """{"a": "x", "b": 1, "c": "2"}""")
            .Should().Equal("`c` must be an integer, not a string");
    }

    [Fact]
    public void DependenciesListRequiredCompanions()
    {
        var error = Given.Errors("""{"dependencies": {"cert": ["key"]}}""", """{"cert": "c"}""").Single();

        error.Should().Be(new SchemaError("dependencies", "", new SourcePosition(1, 1), "`key` is required when `cert` is present", "/dependencies", "key"));
        Given.Errors("""{"dependencies": {"cert": ["key"]}}""", """{"other": 1}""").Should().BeEmpty();
    }

    [Fact]
    public void DependenciesCanBeSchemas()
    {
        Given.Messages("""{"dependencies": {"cert": {"properties": {"port": {"minimum": 1024}}}}}""", """{"cert": "c", "port": 80}""")
            .Should().Equal("`port` must be at least 1024");
    }

    [Fact]
    public void PropertyCountsAreBounded()
    {
        Given.Messages("""{"properties": {"env": {"minProperties": 1}}}""", """{"env": {}}""").Should().Equal("`env` must have at least 1 property");
        Given.Messages("""{"maxProperties": 1}""", """{"a": 1, "b": 2}""").Should().Equal("the document must have at most 1 property");
        Given.Messages("""{"minProperties": 2}""", """{"a": 1}""").Should().Equal("the document must have at least 2 properties");
    }

    [Fact]
    public void ObjectKeywordsIgnoreOtherTypes()
    {
        Given.Errors("""{"required": ["a"], "additionalProperties": false, "minProperties": 3}""", "[1]").Should().BeEmpty();
    }
}
