using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Tests.Schema;

public class ArrayKeywordTests
{
    [Fact]
    public void ItemCountsAreBounded()
    {
        const string Schema = """{"properties": {"tags": {"minItems": 1, "maxItems": 2}}}""";

        Given.Messages(Schema, """{"tags": []}""").Should().Equal("`tags` must have at least 1 item");
        Given.Messages(Schema, """{"tags": [1, 2, 3]}""").Should().Equal("`tags` must have at most 2 items");
        Given.Errors(Schema, """{"tags": [1]}""").Should().BeEmpty();
    }

    [Fact]
    public void ItemsSchemaAppliesToEveryItem()
    {
        var errors = Given.Errors("""{"items": {"type": "string"}}""", """["a", 1, "b", null]""");

        errors.Select(e => (e.InstancePointer, e.Message)).Should().Equal(
            ("/1", "`[1]` must be a string, not a number"),
            ("/3", "`[3]` must be a string, not null"));
    }

    [Fact]
    public void PositionalItemsWithAdditionalItems()
    {
        const string Schema = """{"properties": {"args": {"items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false}}}""";

        Given.Errors(Schema, """{"args": ["a", 1]}""").Should().BeEmpty();
        Given.Errors(Schema, """{"args": ["a"]}""").Should().BeEmpty();
        Given.Messages(Schema, """{"args": [1, 2, 3]}""").Should().Equal(
            "`args[0]` must be a string, not a number",
            "`args` must have at most 2 items");
    }

    [Fact]
    public void AdditionalItemsCanBeASchema()
    {
        Given.Messages("""{"items": [{}], "additionalItems": {"type": "boolean"}}""", """[1, true, 2]""").Should().Equal("`[2]` must be a boolean, not a number");
    }

    [Fact]
    public void UniqueItemsNamesTheEqualPair()
    {
        const string Schema = """{"properties": {"tags": {"uniqueItems": true}}}""";

        Given.Errors(Schema, """{"tags": [1, "1", {"a": 1}, [1]]}""").Should().BeEmpty();
        var error = Given.Errors(Schema, """{"tags": ["a", {"x": 1, "y": 2}, "b", {"y": 2, "x": 1.0}]}""").Single();
        error.Keyword.Should().Be("uniqueItems");
        error.Message.Should().Be("`tags` must not contain duplicates: items 1 and 3 are both {\"y\":2,\"x\":1.0}");
    }

    [Fact]
    public void UniqueItemsFalseAllowsDuplicates()
    {
        Given.Errors("""{"uniqueItems": false}""", "[1, 1]").Should().BeEmpty();
    }
}
