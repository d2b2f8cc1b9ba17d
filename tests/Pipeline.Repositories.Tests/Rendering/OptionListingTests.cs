using System.Text.Json.Nodes;
using Pipeline.Repositories.Rendering;

namespace Pipeline.Repositories.Tests.Rendering;

public sealed class OptionListingTests
{
    private static IReadOnlyList<OptionListingRow> Read(string config) => OptionListing.Read(JsonNode.Parse(config)!.AsObject());

    [Fact]
    public void OptionsAreListedDepthFirstWithTypeDefaultAndDescription()
    {
        var rows = Read("""
            {"type": "object", "properties": {
              "service": {"type": "object", "description": "The service", "properties": {
                "name": {"type": "string", "default": "hello", "description": "Its name"},
                "cpus": {"type": ["number", "integer"], "default": 0.5}}},
              "flag": {"type": "boolean"}}}
            """);

        rows.Should().Equal(
            new OptionListingRow("service", "object", null, "The service"),
            new OptionListingRow("service.name", "string", "\"hello\"", "Its name"),
            new OptionListingRow("service.cpus", "[\"number\",\"integer\"]", "0.5", null),
            new OptionListingRow("flag", "boolean", null, null));
    }

    [Fact]
    public void OptionsFromCompositionAndReferencesAreListedToo()
    {
        var rows = Read("""
            {"type": "object", "definitions": {"port": {"type": "integer", "default": 80}},
             "allOf": [{"properties": {"web": {"type": "object", "properties": {"port": {"$ref": "#/definitions/port"}}}}}]}
            """);

        rows.Select(r => (r.Path, r.Type)).Should().Equal(("web", "object"), ("web.port", "integer"));
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsNotListed()
    {
        var schema = new JsonObject { ["type"] = "string" };
        for (var i = OptionListing.MaxDepth + 3; i > 0; i--) schema = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [$"l{i}"] = schema } };

        OptionListing.Read(schema).Should().HaveCount(OptionListing.MaxDepth + 1);
    }
}
