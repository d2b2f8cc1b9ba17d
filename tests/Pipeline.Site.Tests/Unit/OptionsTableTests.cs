using System.Text.Json;
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
        using var schema = JsonDocument.Parse(Schema);
        var rows = OptionsTable.Rows(schema.RootElement);

        rows.Select(r => r.Path).Should().Equal("service", "service.name", "service.mode", "service.limits", "service.limits.cpus", "volumes", "volumes[].size", "legacy");
        rows.Select(r => r.Depth).Should().Equal(0, 1, 1, 1, 2, 0, 1, 0);
    }

    [Fact]
    public void RowsCarryTypeDefaultRequiredEnumAndDescription()
    {
        using var schema = JsonDocument.Parse(Schema);
        var rows = OptionsTable.Rows(schema.RootElement).ToDictionary(r => r.Path);

        rows["service"].Should().Match<Model.OptionRow>(r => r.Type == "object" && r.Required && r.Default == null && r.Description == "The service.");
        rows["service.name"].Should().Match<Model.OptionRow>(r => r.Type == "string" && r.Default == "\"hello\"" && r.Required && r.Constraints == "pattern ^[a-z]+$");
        rows["service.mode"].Enum.Should().Equal("\"fast\"", "\"safe\"");
        rows["service.mode"].Required.Should().BeFalse();
        rows["service.limits.cpus"].Should().Match<Model.OptionRow>(r => r.Default == "0.5" && r.Constraints == "minimum 0.1");
        rows["volumes"].Should().Match<Model.OptionRow>(r => r.Type == "array of object" && r.Default == "[{\"size\":1}]");
        rows["volumes[].size"].Should().Match<Model.OptionRow>(r => r.Type == "integer | null" && r.Required);
        rows["legacy"].Should().Match<Model.OptionRow>(r => r.Type == "" && r.Description == "Old option" && r.Default == "{\"a\":\"<b>\"}");
    }

    [Fact]
    public void DeepOrHugeSchemasAreBounded()
    {
        var deep = "{\"type\":\"object\"}";
        for (var i = 0; i < 25; i++) deep = $"{{\"type\":\"object\",\"properties\":{{\"p\":{deep}}}}}";
        using var schema = JsonDocument.Parse(deep);
        OptionsTable.Rows(schema.RootElement).Should().HaveCount(OptionsTable.MaxDepth);

        var wide = "{\"properties\":{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"o{i}\":{{\"type\":\"string\"}}")) + "}}";
        using var many = JsonDocument.Parse(wide);
        OptionsTable.Rows(many.RootElement).Should().HaveCount(OptionsTable.MaxRows);
    }

    [Fact]
    public void NotASchemaGivesNoRows()
    {
        using var schema = JsonDocument.Parse("[1, 2]");
        OptionsTable.Rows(schema.RootElement).Should().BeEmpty();
    }
}
