using JsonNode = System.Text.Json.Nodes.JsonNode;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json;

namespace Pipeline.Repositories.Rendering;

/// <summary>Converts System.Text.Json nodes to the positioned <see cref="JsonDatum"/> the schema validator reads.</summary>
internal static class SchemaValue
{
    public static JsonDatum? Of(JsonNode? node) => JsonParser.Parse(JsonOutput.Write(node, indented: true)).Root;
}
