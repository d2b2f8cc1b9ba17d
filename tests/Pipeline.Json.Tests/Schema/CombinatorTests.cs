using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Tests.Schema;

public class CombinatorTests
{
    // The shape of Universe's package schema: a discriminating packagingVersion per branch.
    private const string Packages = """
        {
          "definitions": {
            "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*[a-z0-9]$"},
            "v2": {
              "properties": {"packagingVersion": {"enum": ["2.0"]}, "name": {"$ref": "#/definitions/name"}, "tags": {"type": "array", "minItems": 1}},
              "required": ["packagingVersion", "name", "tags"],
              "additionalProperties": false
            },
            "v3": {
              "properties": {"packagingVersion": {"enum": ["3.0"]}, "name": {"$ref": "#/definitions/name"}, "tags": {"type": "array", "minItems": 1}, "minDcosReleaseVersion": {"type": "string"}},
              "required": ["packagingVersion", "name", "tags"],
              "additionalProperties": false
            }
          },
          "type": "object",
          "oneOf": [{"$ref": "#/definitions/v2"}, {"$ref": "#/definitions/v3"}]
        }
        """;

    [Fact]
    public void ValidInstancesOfEitherBranchPass()
    {
        Given.Errors(Packages, """{"packagingVersion": "2.0", "name": "kafka", "tags": ["x"]}""").Should().BeEmpty();
        Given.Errors(Packages, """{"packagingVersion": "3.0", "name": "kafka", "tags": ["x"], "minDcosReleaseVersion": "1.10"}""").Should().BeEmpty();
    }

    [Fact]
    public void TheBranchWhoseDiscriminatorMatchesIsExplained()
    {
        var errors = Given.Errors(Packages, """{"packagingVersion": "3.0", "name": "Foo", "tags": [], "foo": 1}""");

        errors.Select(e => (e.Keyword, e.Message, e.SchemaPointer)).Should().Equal(
            ("pattern", "`name` \"Foo\" does not match the pattern ^[a-z][a-z0-9-]*[a-z0-9]$", "/definitions/name/pattern"),
            ("minItems", "`tags` must have at least 1 item", "/definitions/v3/properties/tags/minItems"),
            ("additionalProperties", "unknown field `foo`", "/definitions/v3/additionalProperties"));
    }

    [Fact]
    public void AWrongDiscriminatorIsOneErrorListingEveryBranchsValues()
    {
        var error = Given.Errors(Packages, """{"packagingVersion": "4.0", "name": "kafka", "tags": ["x"]}""").Single();

        error.Keyword.Should().Be("enum");
        error.Message.Should().Be("`packagingVersion` must be one of \"2.0\", \"3.0\"");
        error.InstancePointer.Should().Be("/packagingVersion");
        error.Field.Should().Be("packagingVersion");
        error.SchemaPointer.Should().Be("/oneOf");
    }

    [Fact]
    public void AnErrorCommonToAllBranchesDoesNotHideTheOthers()
    {
        Given.Messages(Packages, """{"packagingVersion": "2.0", "name": 7, "tags": ["x"], "minDcosReleaseVersion": "1.10"}""").Should().Equal(
            "`name` must be a string, not a number",
            "unknown field `minDcosReleaseVersion`");
    }

    [Fact]
    public void WithoutADiscriminatorTheBranchWithFewestErrorsIsExplained()
    {
        const string Schema = """{"anyOf": [{"required": ["a", "b"]}, {"required": ["c"]}]}""";

        Given.Messages(Schema, "{}").Should().Equal("`c` is required");
        Given.Messages(Schema, """{"a": 1}""").Should().Equal("`b` is required");
    }

    [Fact]
    public void TiesGoToTheFirstBranch()
    {
        Given.Messages("""{"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}""", "{}").Should().Equal("`a` is required");
    }

    [Fact]
    public void BranchesWantingDifferentTypesBecomeOneTypeError()
    {
        Given.Messages("""{"properties": {"v": {"anyOf": [{"type": "boolean"}, {"type": "object"}]}}}""", """{"v": "yes"}""")
            .Should().Equal("`v` must be a boolean or an object, not a string");
    }

    [Fact]
    public void TypesAndValuesMergeTogether()
    {
        Given.Messages("""{"anyOf": [{"enum": ["a", "b"]}, {"type": "array"}]}""", "\"c\"")
            .Should().Equal("the document must be one of \"a\", \"b\", or an array");
    }

    [Fact]
    public void ABranchOfTheRightTypeIsPreferred()
    {
        Given.Messages("""{"anyOf": [{"type": "boolean"}, {"type": "object", "required": ["x"]}]}""", "{}").Should().Equal("`x` is required");
    }

    [Fact]
    public void OneOfMatchingSeveralBranchesNamesThem()
    {
        var error = Given.Errors("""{"oneOf": [{"type": "integer"}, {"minimum": 0}, {"type": "string"}]}""", "5").Single();

        error.Keyword.Should().Be("oneOf");
        error.Message.Should().Be("the document matches more than one of the allowed shapes (#0 and #1); it must match exactly one");
        error.SchemaPointer.Should().Be("/oneOf");
    }

    [Fact]
    public void AnyOfStopsAtTheFirstMatch()
    {
        Given.Errors("""{"anyOf": [{"type": "integer"}, {"minimum": 0}]}""", "5").Should().BeEmpty();
    }

    [Fact]
    public void AllOfReportsEveryBranch()
    {
        Given.Messages("""{"allOf": [{"minLength": 3}, {"pattern": "^a"}]}""", "\"b\"").Should().Equal(
            "the document must be at least 3 characters long",
            "the document \"b\" does not match the pattern ^a");
    }

    [Fact]
    public void NotRejectsWhatMatches()
    {
        const string Schema = """{"properties": {"mode": {"not": {"enum": ["legacy"]}}}}""";

        Given.Errors(Schema, """{"mode": "modern"}""").Should().BeEmpty();
        var error = Given.Errors(Schema, """{"mode": "legacy"}""").Single();
        error.Keyword.Should().Be("not");
        error.Message.Should().Be("`mode` must not match the schema at /properties/mode/not");
    }

    [Fact]
    public void IdenticalErrorsAreReportedOnce()
    {
        Given.Messages("""{"allOf": [{"required": ["a"]}, {"required": ["a"]}]}""", "{}").Should().Equal("`a` is required", "`a` is required");
        Given.Messages("""{"allOf": [{"$ref": "#/definitions/a"}, {"$ref": "#/definitions/a"}], "definitions": {"a": {"required": ["a"]}}}""", "{}")
            .Should().Equal("`a` is required");
    }
}
