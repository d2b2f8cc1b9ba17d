using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

/// <summary>
/// Draft 4 resolution scopes: a <c>$ref</c> resolves against the nearest enclosing <c>id</c>, only
/// schemas have ids, and documents from elsewhere come only from <see cref="SchemaOptions.RemoteDocuments"/>.
/// </summary>
public class ResolutionScopeTests
{
    [Fact]
    public void ARelativeReferenceResolvesAgainstTheNearestEnclosingIdNotTheRoot()
    {
        const string Schema = """
            {
              "id": "http://example.com/root/",
              "definitions": {
                "port": {"id": "port.json", "type": "string"},
                "service": {
                  "id": "service/",
                  "definitions": {"port": {"id": "port.json", "type": "integer"}},
                  "properties": {"port": {"$ref": "port.json"}}
                }
              },
              "properties": {"service": {"$ref": "service/"}, "port": {"$ref": "port.json"}}
            }
            """;

        Given.Errors(Schema, """{"service": {"port": "80"}, "port": 80}""").Select(e => (e.InstancePointer, e.SchemaPointer)).Should().Equal(
            ("/service/port", "/definitions/service/definitions/port/type"),
            ("/port", "/definitions/port/type"));
    }

    [Fact]
    public void NestedIdsResolveAgainstTheirParentsScope()
    {
        const string Schema = """
            {
              "id": "http://example.com/a/",
              "definitions": {"b": {"id": "b/", "not": {"definitions": {"c": {"id": "c.json", "minimum": 5}}}}},
              "allOf": [{"$ref": "http://example.com/a/b/c.json"}]
            }
            """;

        Given.Messages(Schema, "3").Should().Equal("the document must be at least 5");
    }

    [Fact]
    public void AUrnIdNamesTheDocument()
    {
        const string Schema = """
            {
              "id": "urn:example:options",
              "definitions": {"port": {"type": "integer"}},
              "properties": {"a": {"$ref": "#/definitions/port"}, "b": {"$ref": "urn:example:options#/definitions/port"}}
            }
            """;

        Given.Messages(Schema, """{"a": "1", "b": "2"}""").Should().Equal(
            "`a` must be an integer, not a string",
            "`b` must be an integer, not a string");
    }

    [Fact]
    public void APointerUnderANestedIdThatMissesSaysWhichScopeItWasReadIn()
    {
        var loaded = JsonSchema.Load(Given.Json("""
            {
              "definitions": {"port": {"type": "integer"}, "service": {"id": "http://example.com/service.json", "properties": {"p": {"$ref": "#/definitions/port"}}}},
              "properties": {"service": {"$ref": "#/definitions/service"}}
            }
            """));

        loaded.Problems.Single().Message.Should().Be(
            "$ref `#/definitions/port` points to nothing in the subschema at `/definitions/service`, whose id `http://example.com/service.json` it resolves against");
    }

    [Fact]
    public void AnIdInsideAnEnumOrADefaultIsDataNotASchema()
    {
        var loaded = JsonSchema.Load(Given.Json("""
            {
              "definitions": {
                "e": {"enum": [{"id": "http://example.com/x.json", "type": "string"}]},
                "d": {"default": {"id": "http://example.com/x.json", "type": "string"}}
              },
              "properties": {"p": {"$ref": "http://example.com/x.json"}}
            }
            """));

        loaded.Problems.Single().Message.Should().Be("remote $ref `http://example.com/x.json` is not followed (no network during validation)");
        loaded.Schema!.Validate(Given.Json("""{"p": 1}""")).Should().BeEmpty();
    }

    [Fact]
    public void AnIdBesideARefDoesNotChangeWhereTheRefLeads()
    {
        const string Schema = """
            {
              "id": "http://example.com/base/",
              "definitions": {
                "elsewhere": {"id": "http://example.com/other/item.json", "type": "string"},
                "here": {"id": "item.json", "type": "integer"}
              },
              "properties": {"p": {"id": "http://example.com/other/", "$ref": "item.json"}}
            }
            """;

        Given.Messages(Schema, """{"p": "x"}""").Should().Equal("`p` must be an integer, not a string");
    }

    [Fact]
    public void RemoteDocumentsComeFromTheGivenSourceAndResolveTheirOwnReferences()
    {
        var source = new DocumentShelf(new()
        {
            ["http://example.com/types.json"] = """{"definitions": {"port": {"$ref": "#/definitions/number"}, "number": {"type": "integer", "maximum": 65535}}}""",
        });
        var loaded = JsonSchema.Load(
            Given.Json("""{"properties": {"port": {"$ref": "http://example.com/types.json#/definitions/port"}}}"""),
            new SchemaOptions { RemoteDocuments = source });

        loaded.Problems.Should().BeEmpty();
        loaded.Schema!.Validate(Given.Json("""{"port": 70000}""")).Select(e => e.Message).Should().Equal("`port` must be at most 65535");
        source.Asked.Should().Equal("http://example.com/types.json");
    }

    [Fact]
    public void WithoutASourceNothingIsAskedForAndTheReferenceIsReported()
    {
        SchemaOptions.Default.RemoteDocuments.Should().BeNull();

        var loaded = JsonSchema.Load(Given.Json("""{"id": "http://example.com/root.json", "$ref": "types.json#/definitions/port"}"""));

        loaded.Problems.Single().Message.Should().Be("remote $ref `types.json#/definitions/port` is not followed (no network during validation)");
    }

    [Fact]
    public void AThousandNestedIdsWithReferencesAtEveryLevelLoadWithoutRecursion()
    {
        const int Levels = 1_000;
        var text = new System.Text.StringBuilder();
        for (var level = 0; level < Levels; level++)
        {
            text.Append("""{"id": "l/", "definitions": {"t": {"id": "t.json", "type": "string"}}, "properties": {"t": {"$ref": "t.json"}, "here": {"$ref": "#"}, "l": """);
        }
        text.Append("{}");
        for (var level = 0; level < Levels; level++) text.Append("}}");
        var document = JsonParser.Parse(text.ToString(), new JsonParseOptions { MaxDepth = 3 * Levels }).Root!;

        var loaded = JsonSchema.Load(document);

        // Each level's "t.json" is its own definition, named within its scope.
        loaded.Problems.Should().BeEmpty();
        loaded.Schema!.Validate(Given.Json("""{"l": {"l": {"here": {"t": 1}}}}""")).Select(e => e.InstancePointer).Should().Equal("/l/l/here/t");
    }

    /// <summary>Documents by URI, recording what was asked for.</summary>
    private sealed class DocumentShelf(Dictionary<string, string> documents) : ISchemaDocumentSource
    {
        public List<string> Asked { get; } = [];

        public JsonDatum? Find(Uri location)
        {
            Asked.Add(location.AbsoluteUri);
            return documents.TryGetValue(location.AbsoluteUri, out var text) ? Given.Json(text) : null;
        }
    }
}
