using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Site.Model;
using Pipeline.Site.Reading;

namespace Pipeline.Site.Tests.Unit;

public sealed class OptionsTableTests
{
    private const string Schema = """
        {
          "type": "object",
          "required": ["service"],
          "properties": {
            "service": {
              "type": "object",
              "description": "The service.",
              "required": ["name"],
              "properties": {
                "name": { "type": "string", "default": "hello", "description": "Service name.", "pattern": "^[a-z]+$" },
                "mode": { "type": "string", "enum": ["fast", "safe"], "default": "safe" },
                "limits": {
                  "type": "object",
                  "properties": { "cpus": { "type": "number", "default": 0.5, "minimum": 0.1 } }
                }
              }
            },
            "volumes": {
              "type": "array",
              "items": { "type": "object", "properties": { "size": { "type": ["integer", "null"], "required": true } } },
              "default": [{ "size": 1 }]
            },
            "legacy": { "title": "Old option", "default": { "a": "<b>" } }
          }
        }
        """;

    [Fact]
    public void NestedPropertiesBecomeDottedRowsInSchemaOrder()
    {
        var rows = OptionsTable.Rows(Parse(Schema));

        rows.Select(r => r.Path).Should().Equal("service", "service.name", "service.mode", "service.limits", "service.limits.cpus", "volumes", "volumes[].size", "legacy");
        rows.Select(r => r.Depth).Should().Equal(0, 1, 1, 1, 2, 0, 1, 0);
    }

    [Fact]
    public void RowsCarryTypeDefaultRequiredEnumAndDescription()
    {
        var rows = OptionsTable.Rows(Parse(Schema)).ToDictionary(r => r.Path);

        rows["service"].Should().Match<Model.OptionRow>(r => r.Type == "object" && r.Required == Requirement.Required && r.Default == null && r.Description == "The service.");
        rows["service.name"].Should().Match<Model.OptionRow>(r => r.Type == "string" && r.Default == "\"hello\"" && r.Required == Requirement.Required && r.Constraints == "pattern ^[a-z]+$");
        rows["service.mode"].Enum.Should().Equal("\"fast\"", "\"safe\"");
        rows["service.mode"].Required.Should().Be(Requirement.Optional);
        rows["service.limits.cpus"].Should().Match<Model.OptionRow>(r => r.Default == "0.5" && r.Constraints == "minimum 0.1");
        rows["volumes"].Should().Match<Model.OptionRow>(r => r.Type == "array of object" && r.Default == "[{\"size\":1}]");
        rows["volumes[].size"].Should().Match<Model.OptionRow>(r => r.Type == "integer | null" && r.Required == Requirement.Required);
        rows["legacy"].Should().Match<Model.OptionRow>(r => r.Type == "" && r.Description == "Old option" && r.Default == "{\"a\":\"<b>\"}");
    }

    [Fact]
    public void DeepOrHugeSchemasAreBounded()
    {
        var deep = "{\"type\":\"object\"}";
        for (var i = 0; i < 25; i++) deep = $"{{\"type\":\"object\",\"properties\":{{\"p\":{deep}}}}}";
        OptionsTable.Rows(Parse(deep)).Should().HaveCount(OptionsTable.MaxDepth);

        var wide = "{\"properties\":{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"o{i}\":{{\"type\":\"string\"}}")) + "}}";
        OptionsTable.Rows(Parse(wide)).Should().HaveCount(OptionsTable.MaxRows);
    }

    [Fact]
    public void NotASchemaGivesNoRows()
    {
        OptionsTable.Rows(Parse("[1, 2]")).Should().BeEmpty();
    }

    // The shapes of real packages: a password required through allOf, a service account and node
    // resources from `definitions`, TLS settings under the SDK's dependencies/oneOf switch.
    private const string Composed = """
        {
          "type": "object",
          "definitions": {
            "node": {
              "type": "object",
              "required": ["count"],
              "properties": {
                "count": { "type": "integer", "minimum": 1 },
                "cpus": { "type": "number", "description": "CPU shares." }
              }
            }
          },
          "properties": {
            "database": {
              "type": "object",
              "properties": { "password": { "type": "string", "default": "", "minLength": 8 } },
              "allOf": [ { "required": ["password"] }, { "properties": { "user": { "type": "string", "description": "Admin user." } } } ]
            },
            "brokers": { "$ref": "#/definitions/node", "description": "Broker nodes.", "default": { "count": 3 } },
            "tls": {
              "type": "object",
              "properties": { "enabled": { "type": "boolean", "default": false } },
              "dependencies": {
                "enabled": {
                  "oneOf": [
                    { "properties": { "enabled": { "enum": [false] } } },
                    { "properties": { "enabled": { "enum": [true] }, "key_secret": { "type": "string" } }, "required": ["key_secret"] }
                  ]
                }
              }
            },
            "mode": { "type": "string", "enum": ["a", "b"] }
          },
          "oneOf": [ { "required": ["mode", "tls"] }, { "required": ["mode"] } ]
        }
        """;

    [Fact]
    public void OptionsFromAllOfBranchesAndReferencedDefinitionsAreRows()
    {
        var rows = OptionsTable.Rows(Parse(Composed));

        rows.Select(r => r.Path).Should().Equal(
            "database", "database.password", "database.user", "brokers", "brokers.count", "brokers.cpus", "tls", "tls.enabled", "tls.key_secret", "mode");
        var byPath = rows.ToDictionary(r => r.Path);
        byPath["database.user"].Should().Match<OptionRow>(r => r.Type == "string" && r.Description == "Admin user." && r.Depth == 1);
        byPath["brokers"].Should().Match<OptionRow>(r => r.Type == "object" && r.Description == "Broker nodes." && r.Default == "{\"count\":3}");
        byPath["brokers.cpus"].Should().Match<OptionRow>(r => r.Type == "number" && r.Description == "CPU shares." && r.Default == null);
        byPath["brokers.count"].Constraints.Should().Be("minimum 1");
        byPath["tls.enabled"].Enum.Should().BeEmpty("a branch's enum pins the value in that branch only");
    }

    [Fact]
    public void RequiredIsReadThroughCompositionAndSaysWhenItIsConditional()
    {
        var rows = OptionsTable.Rows(Parse(Composed)).ToDictionary(r => r.Path, r => r.Required);

        rows["database.password"].Should().Be(Requirement.Required, "allOf requires it");
        rows["brokers.count"].Should().Be(Requirement.Required, "the referenced definition requires it");
        rows["mode"].Should().Be(Requirement.Required, "every oneOf branch requires it");
        rows["tls"].Should().Be(Requirement.Conditional, "one oneOf branch requires it");
        rows["tls.key_secret"].Should().Be(Requirement.Conditional, "required once TLS is enabled");
        rows["database.user"].Should().Be(Requirement.Optional);
    }

    private static OptionTree Parse(string text) => OptionTree.Read(JsonParser.Parse(text).Root!);
}
