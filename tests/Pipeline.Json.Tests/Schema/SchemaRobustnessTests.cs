using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Schema;

/// <summary>Schemas come from pull requests too: loading and validating never throw, whatever they say.</summary>
public class SchemaRobustnessTests
{
    private const string Seed = """
        {"definitions": {"n": {"type": "integer", "minimum": 1, "multipleOf": 2}},
         "type": "object", "required": ["a"], "additionalProperties": false,
         "properties": {"a": {"oneOf": [{"$ref": "#/definitions/n"}, {"type": "string", "pattern": "^x+$", "format": "uri"}]},
                        "b": {"anyOf": [{"type": "array", "items": {"$ref": "#"}, "uniqueItems": true, "minItems": 1}, {"not": {"enum": [1, "x"]}}]},
                        "c": {"dependencies": {"d": ["e"]}, "patternProperties": {"^p": {"const": 3}}, "maxLength": 2}}}
        """;

    // Scopes and references by id: mutations make ids relative, odd URIs, cycles and data positions.
    private const string ScopedSeed = """
        {"id": "http://a.example/r/", "definitions": {"s": {"id": "s/", "definitions": {"t": {"id": "t.json", "type": "integer"}},
                                                             "properties": {"u": {"$ref": "t.json"}, "w": {"$ref": "#"}}},
                                                       "n": {"id": "#n", "enum": [{"id": "x:y", "$ref": "#/definitions/s"}]}},
         "properties": {"a": {"$ref": "s/"}, "b": {"$ref": "s/t.json#"}, "c": {"$ref": "#n"}, "d": {"$ref": "http://a.example/r/#/definitions/s"}}}
        """;

    private static readonly string[] Instances =
    [
        """{"a": 4, "b": [{"a": "xx"}], "c": {"d": 1, "p1": 3}}""",
        """{"a": "http://x", "b": 1, "c": "long"}""",
        """[1, "x", null, true, {"a": {}}]""",
        "\"string\"",
    ];

    [Theory]
    [InlineData(Seed)]
    [InlineData(ScopedSeed)]
    public void MutatedSchemasLoadAndValidateWithoutThrowing(string text)
    {
        var random = new Random(3);
        byte[] interesting = [.. "{}[]\",:0123456789-.eEtrufalsn#/$:"u8];
        var seed = System.Text.Encoding.UTF8.GetBytes(text);
        var instances = Instances.Select(Given.Json).ToArray();
        var loaded = 0;
        for (var round = 0; round < 3_000; round++)
        {
            var bytes = (byte[])seed.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--) bytes[random.Next(bytes.Length)] = interesting[random.Next(interesting.Length)];
            if (JsonParser.Parse(bytes).Root is not { } document) continue;

            var result = JsonSchema.Load(document, new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) });

            if (result.Schema is null) continue;
            loaded++;
            foreach (var instance in instances)
            {
                foreach (var error in result.Schema.Validate(instance))
                {
                    error.Message.Should().NotBeNullOrWhiteSpace();
                }
            }
        }
        loaded.Should().BeGreaterThan(100);
    }
}
