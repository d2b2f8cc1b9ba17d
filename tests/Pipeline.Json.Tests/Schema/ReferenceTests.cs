using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema.Validation;
using Pipeline.Json.Schema;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Json.Tests.Schema;

public class ReferenceTests
{
    [Fact]
    public void LocalReferencesResolveThroughEscapes()
    {
        const string Schema = """
            {
              "definitions": {"a/b": {"type": "string"}, "m~n": {"type": "integer"}, "with space": {"minimum": 10}},
              "properties": {
                "x": {"$ref": "#/definitions/a~1b"},
                "y": {"$ref": "#/definitions/m~0n"},
                "z": {"$ref": "#/definitions/with%20space"}
              }
            }
            """;

        Given.Messages(Schema, """{"x": 1, "y": "s", "z": 3}""").Should().Equal(
            "`x` must be a string, not a number",
            "`y` must be an integer, not a string",
            "`z` must be at least 10");
    }

    [Fact]
    public void ErrorsPointAtTheSchemaTheyCameFrom()
    {
        var error = Given.Errors("""{"definitions": {"port": {"maximum": 9}}, "properties": {"p": {"$ref": "#/definitions/port"}}}""", """{"p": 10}""").Single();

        error.SchemaPointer.Should().Be("/definitions/port/maximum");
    }

    [Fact]
    public void TheRootReferenceMakesRecursiveSchemas()
    {
        const string Tree = """{"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}}""";

        Given.Errors(Tree, """{"name": "a", "children": [{"name": "b", "children": []}]}""").Should().BeEmpty();
        var error = Given.Errors(Tree, """{"children": [{"children": [{"name": 1}]}]}""").Single();
        error.InstancePointer.Should().Be("/children/0/children/0/name");
        error.Message.Should().Be("`name` must be a string, not a number");
    }

    [Fact]
    public void ReferencesByIdResolveInsideTheDocument()
    {
        const string Schema = """
            {
              "id": "http://example.com/root.json",
              "definitions": {
                "a": {"id": "#positive", "minimum": 1},
                "b": {"id": "item.json", "type": "string"}
              },
              "properties": {
                "p": {"$ref": "#positive"},
                "q": {"$ref": "item.json"},
                "r": {"$ref": "http://example.com/root.json#/definitions/a"}
              }
            }
            """;

        Given.Messages(Schema, """{"p": 0, "q": 1, "r": -1}""").Should().Equal(
            "`p` must be at least 1",
            "`q` must be a string, not a number",
            "`r` must be at least 1");
    }

    [Fact]
    public async Task RemoteReferencesAreReportedNotFetchedAndAcceptEverything()
    {
        // A real server with the document the reference names: a fetch would be seen, not just be slow.
        await using var server = await StaticFileServer.StartAsync();
        var remote = server.Add("x.json", """{"type": "string"}""").AbsoluteUri;
        var document = Given.Json($$"""
            {
              "properties": {
                "remote": {"$ref": "{{remote}}"},
                "local": {"type": "integer"}
              }
            }
            """);

        var loaded = JsonSchema.Load(document);
        var errors = loaded.Schema!.Validate(Given.Json("""{"remote": {"anything": true}, "local": "x"}"""));

        server.Requests.Should().BeEmpty("nothing is fetched during validation");
        loaded.Problems.Should().Equal(new SchemaProblem(
            "/properties/remote/$ref",
            new SourcePosition(3, 24),
            $"remote $ref `{remote}` is not followed (no network during validation)"));
        errors.Select(e => e.Message).Should().Equal("`local` must be an integer, not a string");
    }

    [Theory]
    [InlineData("definitions.json#/a")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://example.com/schema.json")]
    public void RelativeFileAndOtherSchemesAreRemoteToo(string reference)
    {
        var loaded = JsonSchema.Load(Given.Json($$"""{"$ref": "{{reference}}"}"""));

        loaded.Problems.Single().Message.Should().Be($"remote $ref `{reference}` is not followed (no network during validation)");
        loaded.Schema!.Validate(Given.Json("[1, 2]")).Should().BeEmpty();
    }

    [Fact]
    public void AMissingLocalTargetIsAProblem()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"properties": {"a": {"$ref": "#/definitions/nope"}}}"""));

        loaded.Problems.Single().Should().Be(new SchemaProblem("/properties/a/$ref", new SourcePosition(1, 31), "$ref `#/definitions/nope` points to nothing in this schema"));
        loaded.Schema!.Validate(Given.Json("""{"a": 1}""")).Should().BeEmpty();
    }

    [Fact]
    public void ACycleOfReferencesTerminatesAndIsReported()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}, "properties": {"x": {"$ref": "#/definitions/a"}}}"""));

        loaded.Problems.Should().ContainSingle().Which.Message.Should().StartWith("circular $ref `#/definitions/");
        loaded.Schema!.Validate(Given.Json("""{"x": 1}""")).Should().BeEmpty();
    }

    [Fact]
    public void ASelfReferenceTerminates()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"$ref": "#"}"""));

        loaded.Problems.Single().Message.Should().Be("circular $ref `#` never reaches a schema; it accepts everything");
        loaded.Schema!.Validate(Given.Json("1")).Should().BeEmpty();
    }

    [Fact]
    public void RecursionThatNeverConsumesTheInstanceStopsWithOneError()
    {
        var schema = Given.Schema("""{"anyOf": [{"allOf": [{"$ref": "#"}]}, {"allOf": [{"$ref": "#"}]}]}""");

        var errors = schema.Validate(Given.Json("{}"), out var steps);

        steps.Should().BeLessThanOrEqualTo(ValidationContext.MaxSteps + 1, "the work is bounded by steps: the branches double at every level");
        errors.Should().ContainSingle().Which.Keyword.Should().Be("depth");
    }

    [Fact]
    public void DeepInstancesAreValidatedWithinABoundedDepth()
    {
        const int Depth = 5_000;
        var instance = JsonParser.Parse(new string('[', Depth) + new string(']', Depth), new JsonParseOptions { MaxDepth = Depth }).Root!;
        var schema = Given.Schema("""{"type": "array", "items": {"$ref": "#"}}""");

        var errors = schema.Validate(instance);

        var error = errors.Should().ContainSingle().Subject;
        error.Keyword.Should().Be("depth");
        error.Message.Should().Be("`[…][0][0][0][0]` is nested too deeply to validate (more than 400 levels of schema)");
        error.InstancePointer.Should().HaveLength(400); // two schema levels (the node and its $ref) per array level
    }
}
