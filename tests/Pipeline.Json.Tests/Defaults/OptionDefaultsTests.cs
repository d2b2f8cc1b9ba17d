using Pipeline.Json.Defaults;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Defaults;

public class OptionDefaultsTests
{
    private static string Build(string schema, bool placeholders = false) =>
        OptionDefaults.Build(Given.Json(schema), placeholders).ToJsonString();

    [Fact]
    public void TakesEveryDefaultUnderProperties()
    {
        Build("""{"type": "object", "properties": {"a": {"type": "string", "default": "x"}, "b": {"type": "integer"}, "c": {"default": null}}}""")
            .Should().Be("""{"a":"x","c":null}""");
    }

    [Fact]
    public void NestedDefaultsMakeAnObjectWithoutADefaultOfItsOwn()
    {
        Build("""
            {"properties": {"service": {"type": "object", "properties": {
              "name": {"type": "string", "default": "kafka"},
              "resources": {"type": "object", "properties": {"cpus": {"type": "number", "default": 1.5}, "mem": {"type": "integer"}}},
              "empty": {"type": "object", "properties": {"x": {"type": "string"}}}
            }}}}
            """).Should().Be("""{"service":{"name":"kafka","resources":{"cpus":1.5}}}""");
    }

    [Fact]
    public void AnExplicitObjectDefaultIsTheBaseAndNestedDefaultsFillTheGaps()
    {
        Build("""
            {"properties": {"svc": {
              "type": "object",
              "default": {"name": "explicit", "extra": true, "deep": {"a": 1}},
              "properties": {
                "name": {"default": "nested"},
                "port": {"default": 80},
                "deep": {"type": "object", "properties": {"a": {"default": 2}, "b": {"default": 3}}}
              }
            }}}
            """).Should().Be("""{"svc":{"name":"explicit","extra":true,"deep":{"a":1,"b":3},"port":80}}""");
    }

    [Fact]
    public void RequiredPropertiesWithoutAValueGetPlaceholdersOfTheirType()
    {
        const string Schema = """
            {"type": "object", "required": ["s", "e", "i", "m", "n", "b", "a", "o", "u", "d", "t"], "properties": {
              "s": {"type": "string"},
              "e": {"type": "string", "enum": ["first", "second"]},
              "i": {"type": "integer"},
              "m": {"type": "integer", "minimum": 1024},
              "n": {"type": "number", "enum": [0.5, 1]},
              "b": {"type": "boolean"},
              "a": {"type": "array"},
              "o": {"type": "object", "required": ["inner"], "properties": {"inner": {"type": "integer"}, "opt": {"type": "string"}, "dflt": {"default": "d"}}},
              "u": {"description": "untyped"},
              "d": {"type": "string", "default": "given"},
              "t": {"type": ["null", "integer"]},
              "optional": {"type": "string"}
            }}
            """;

        Build(Schema, placeholders: true).Should().Be(
            """{"s":"placeholder","e":"first","i":0,"m":1024,"n":0.5,"b":false,"a":[],"o":{"inner":0,"dflt":"d"},"u":"placeholder","d":"given","t":0}""");
        Build(Schema, placeholders: false).Should().Be("""{"o":{"dflt":"d"},"d":"given"}""");
    }

    [Fact]
    public void PlaceholdersFillRequiredMembersOfObjectsThatExist()
    {
        const string Schema = """
            {"properties": {
              "service": {"type": "object", "required": ["user"], "properties": {"name": {"default": "x"}, "user": {"type": "string"}}},
              "optional": {"type": "object", "required": ["user"], "properties": {"user": {"type": "string"}}}
            }}
            """;

        Build(Schema, placeholders: true).Should().Be("""{"service":{"name":"x","user":"placeholder"}}""");
    }

    [Fact]
    public void DefaultsInsideReferencedDefinitionsAreNotAppliedAsCosmosFollowsNoReference()
    {
        Build("""{"definitions": {"port": {"type": "integer", "default": 8080}}, "properties": {"port": {"$ref": "#/definitions/port"}}}""")
            .Should().Be("{}");
        Build("""{"definitions": {"node": {"properties": {"cpus": {"default": 1}}}}, "properties": {"data": {"$ref": "#/definitions/node", "default": {"cpus": 2}}}}""")
            .Should().Be("""{"data":{"cpus":2}}""");
    }

    [Fact]
    public void DefaultsInCompositionBranchesAreNotApplied()
    {
        Build("""
            {"properties": {"a": {"type": "string", "default": "own"}},
             "allOf": [{"properties": {"b": {"type": "string", "default": "all"}}}],
             "oneOf": [{"properties": {"c": {"type": "string", "default": "one"}}}]}
            """).Should().Be("""{"a":"own"}""");
    }

    [Fact]
    public void APlainSchemaReadDirectlyGivesWhatTheOptionTreeGives()
    {
        // An empty allOf changes nothing but makes the schema not plain, so the tree is walked.
        const string Plain = """
            {"type": "object", "required": ["s", "o"], "properties": {
              "s": {"type": "string", "enum": ["x", "y"]},
              "o": {"type": "object", "required": ["p", "q"], "properties": {"p": {"type": "integer", "minimum": 5}, "q": {"required": true, "properties": {"r": {"default": 1}}}, "d": {"default": 2}}},
              "n": {"type": "number"}
            }%}
            """;

        var plain = Build(Plain.Replace("%", ""), placeholders: true);

        plain.Should().Be("""{"s":"x","o":{"p":5,"q":{"r":1},"d":2}}""");
        Build(Plain.Replace("%", ", \"allOf\": []"), placeholders: true).Should().Be(plain);
    }

    [Fact]
    public void OptionsRequiredThroughCompositionGetPlaceholders()
    {
        const string Schema = """
            {"type": "object",
             "definitions": {"account": {"type": "object", "required": ["secret"], "properties": {"secret": {"type": "string"}, "name": {"type": "string"}}}},
             "required": ["account"],
             "properties": {
               "account": {"$ref": "#/definitions/account"},
               "db": {"type": "object", "properties": {"user": {"default": "admin"}, "password": {"type": "string"}}, "allOf": [{"required": ["password"]}]}
             },
             "allOf": [{"required": ["port"], "properties": {"port": {"type": "integer", "minimum": 1024}}}],
             "oneOf": [{"required": ["mode", "zone"]}, {"required": ["mode"]}],
             "anyOf": [{"properties": {"mode": {"enum": ["fast", "safe"]}}}]}
            """;

        Build(Schema, placeholders: true).Should().Be(
            """{"account":{"secret":"placeholder"},"db":{"user":"admin","password":"placeholder"},"port":1024,"mode":"fast"}""");
        Build(Schema, placeholders: false).Should().Be("""{"db":{"user":"admin"}}""");
    }

    [Fact]
    public void AnythingButAnObjectSchemaGivesAnEmptyObject()
    {
        Build("[]").Should().Be("{}");
        Build("""{"properties": "nonsense"}""").Should().Be("{}");
    }

    [Fact]
    public void CyclicReferencesAndDeepSchemasEnd()
    {
        Build("""{"properties": {"a": {"$ref": "#/properties/a"}, "self": {"$ref": "#"}}}""").Should().Be("{}");
    }

    [Fact]
    public void ARepeatedPropertyNameKeepsItsFirstPlaceAndItsLastValue()
    {
        var parsed = JsonParser.Parse("""{"properties": {"a": {"default": 1}, "b": {"default": 2}, "a": {"default": 3}, "c": {"type": "string"}, "a": {}}}""");

        OptionDefaults.Build(parsed.Root!, placeholders: false).ToJsonString().Should().Be("""{"a":3,"b":2}""");
    }

    [Fact]
    public void ManyMembersAndAnExplicitObjectDefaultMerge()
    {
        Build("""
            {"properties": {"svc": {
              "type": "object",
              "default": {"b": "explicit", "deep": {"x": 0}},
              "properties": {
                "a": {"default": 1}, "b": {"default": 2}, "c": {"default": 3}, "d": {"default": 4}, "e": {"default": 5},
                "deep": {"type": "object", "properties": {"x": {"default": 1}, "y": {"default": 2}, "z": {"default": 3}, "w": {"default": 4}}}
              }
            }}}
            """).Should().Be("""{"svc":{"b":"explicit","deep":{"x":0,"y":2,"z":3,"w":4},"a":1,"c":3,"d":4,"e":5}}""");
    }

    [Fact]
    public void BuildingTwiceGivesTheSameObject()
    {
        var schema = Given.Json("""{"required": ["r"], "properties": {"r": {"type": "object", "properties": {"n": {"default": 1}, "m": {"type": "string"}}, "required": ["m"]}, "o": {"default": [1]}}}""");

        var first = OptionDefaults.Build(schema, placeholders: true).ToJsonString();

        first.Should().Be("""{"r":{"n":1,"m":"placeholder"},"o":[1]}""");
        OptionDefaults.Build(schema, placeholders: true).ToJsonString().Should().Be(first);
        OptionDefaults.Build(schema, placeholders: false).ToJsonString().Should().Be("""{"r":{"n":1},"o":[1]}""");
    }
}
