using Pipeline.Diagnostics;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

/// <summary>
/// Loading only scans a schema; each subschema is compiled when a validation first reaches it. None of
/// that may show: problems, errors and their order are what compiling everything up front gave.
/// </summary>
public class LazyCompilationTests
{
    private const string Broken = """
        {
          "minLength": -1,
          "properties": {
            "a": {"type": "nope", "properties": {"x": {"pattern": "[unclosed"}}},
            "b": {"maxItems": "x", "patternProperties": {"(": {}}},
            "c": {"items": [{"$ref": "http://127.0.0.1:9/remote.json"}], "additionalItems": 3}
          },
          "not": {"$ref": "#/definitions/missing"}
        }
        """;

    [Fact]
    public void ProblemsInSubschemasNoValidationReachesAreReportedAtLoad()
    {
        var loaded = JsonSchema.Load(Given.Json(Broken));

        loaded.Problems.Select(p => p.SchemaPointer).Should().Equal(
            "/minLength",
            "/properties/a/type",
            "/properties/b/maxItems",
            "/properties/b/patternProperties/(",
            "/properties/c/additionalItems",
            "/not/$ref",
            "/properties/a/properties/x/pattern",
            "/properties/c/items/0/$ref");
        loaded.Problems[3].Position.Should().Be(new SourcePosition(5, 50));
        loaded.Problems[3].Message.Should().StartWith("invalid regular expression `(` in `patternProperties`: ");
        loaded.Problems[6].Message.Should().StartWith("invalid regular expression in `pattern`: ");
        loaded.Problems[7].Message.Should().Be("remote $ref `http://127.0.0.1:9/remote.json` is not followed (no network during validation)");
    }

    [Fact]
    public void WhatCannotBeHonouredAcceptsEverythingOnceReached()
    {
        var schema = JsonSchema.Load(Given.Json(Broken)).Schema!;

        // Everything but the `not`, whose unresolvable $ref accepts everything, so nothing passes it.
        schema.Validate(Given.Json("""{"a": {"x": "anything"}, "b": [1, 2], "c": [5, 6, 7]}""")).Select(e => e.Message)
            .Should().Equal("the document must not match the schema at /not");
    }

    [Fact]
    public void ValidatingAgainAfterMorePartsAreCompiledGivesTheSameErrors()
    {
        var schema = Given.Schema("""
            {"properties": {
              "a": {"type": "integer", "minimum": 2},
              "b": {"properties": {"c": {"enum": ["x", "y"]}}, "additionalProperties": false}
            }}
            """);
        var first = Given.Json("""{"a": 1}""");
        var second = Given.Json("""{"a": "s", "b": {"c": "z", "d": 0}}""");

        var before = schema.Validate(first);
        schema.Validate(second).Select(e => e.Message).Should().Equal(
            "`a` must be an integer, not a string",
            "`c` must be one of \"x\", \"y\"",
            "unknown field `d`");

        schema.Validate(first).Should().Equal(before);
        before.Single().Message.Should().Be("`a` must be at least 2");
    }

    [Fact]
    public void ThreadsReachingAnUncompiledSchemaAtOnceAllGetTheFullAnswer()
    {
        for (var round = 0; round < 20; round++)
        {
            var schema = Given.Schema("""
                {"definitions": {"port": {"type": "integer", "maximum": 65535}},
                 "properties": {"ports": {"type": "array", "items": {"$ref": "#/definitions/port"}},
                                "name": {"type": "string", "pattern": "^[a-z]+$"}}}
                """);
            var instance = Given.Json("""{"ports": [80, 70000, "x"], "name": "Bad"}""");

            var counts = new int[8];
            Parallel.For(0, counts.Length, i => counts[i] = schema.Validate(instance).Count);

            counts.Should().AllBeEquivalentTo(3);
        }
    }

    [Fact]
    public void ACircularChainIsReportedOnceAfterEveryOtherProblem()
    {
        var loaded = JsonSchema.Load(Given.Json("""
            {"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
             "properties": {"x": {"$ref": "#/definitions/a"}, "y": {"$ref": "#/definitions/b"}, "z": {"minItems": 1.5}}}
            """));

        loaded.Problems.Select(p => p.Message).Should().Equal(
            "`minItems` must be a non-negative integer",
            "circular $ref `#/definitions/b` never reaches a schema; it accepts everything");
        loaded.Schema!.Validate(Given.Json("""{"x": 1, "y": 2}""")).Should().BeEmpty();
    }
}
