using Pipeline.Diagnostics;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

public class SchemaLoadTests
{
    [Fact]
    public void AnnotationsAndUnknownKeywordsAreIgnored()
    {
        var loaded = JsonSchema.Load(Given.Json("""
            {"$schema": "http://json-schema.org/draft-04/schema#", "id": "x", "title": "t", "description": "d",
             "default": 1, "examples": [], "x-vendor": {"type": "nonsense"}, "properties": {"a": {"default": "z"}}}
            """));

        loaded.Problems.Should().BeEmpty();
        loaded.Schema!.Validate(Given.Json("{\"a\": 5}")).Should().BeEmpty();
    }

    [Fact]
    public void MalformedKeywordsAreProblemsAndIgnored()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"type": "strin", "minLength": -1, "required": "a", "enum": [], "multipleOf": 0}"""));

        loaded.Problems.Select(p => p.Message).Should().Equal(
            "unknown type \"strin\"; expected one of object, array, string, number, integer, boolean, null",
            "`minLength` must be a non-negative integer",
            "`required` must be an array of property names",
            "`enum` must be a non-empty array",
            "`multipleOf` must be a number greater than 0");
        loaded.Problems[1].Position.Should().Be(new SourcePosition(1, 32));
        loaded.Schema!.Validate(Given.Json("{}")).Should().BeEmpty();
    }

    [Fact]
    public void ADocumentThatIsNoSchemaHasNone()
    {
        var loaded = JsonSchema.Load(Given.Json("[1]"));

        loaded.Schema.Should().BeNull();
        loaded.Problems.Single().Message.Should().Be("a schema must be a JSON object, not an array");
    }

    [Fact]
    public void BooleanSchemasAcceptOrRejectEverything()
    {
        const string Schema = """{"properties": {"anything": true, "nothing": false}}""";

        Given.Errors(Schema, """{"anything": [1]}""").Should().BeEmpty();
        Given.Messages(Schema, """{"nothing": 0}""").Should().Equal("`nothing` is not allowed");
    }

    [Fact]
    public void ReferenceSiblingsAreIgnoredAsInDraft4()
    {
        Given.Errors("""{"definitions": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/s", "minLength": 10}}}""", """{"a": "short"}""")
            .Should().BeEmpty();
    }

    [Fact]
    public void TheDocumentIsKept()
    {
        var document = Given.Json("{}");

        JsonSchema.Load(document).Schema!.Document.Should().BeSameAs(document);
    }

    [Fact]
    public void OneSchemaValidatesManyDocumentsOnManyThreads()
    {
        var schema = Given.Schema("""{"properties": {"n": {"type": "integer", "pattern": "x"}}, "required": ["n"]}""");
        var documents = Enumerable.Range(0, 200).Select(i => Given.Json(i % 2 == 0 ? $"{{\"n\": {i}}}" : "{}")).ToArray();

        var counts = new int[documents.Length];
        Parallel.For(0, documents.Length, i => counts[i] = schema.Validate(documents[i]).Count);

        counts.Should().Equal(Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? 0 : 1));
    }
}
