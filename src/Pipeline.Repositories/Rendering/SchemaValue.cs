using JsonNode = System.Text.Json.Nodes.JsonNode;
using Pipeline.Json;

namespace Pipeline.Repositories.Rendering;

/// <summary>Converts System.Text.Json nodes to the positioned <see cref="JsonValue"/> the schema validator reads.</summary>
internal static class SchemaValue
{
    public static JsonValue? Of(JsonNode? node) => JsonParser.Parse(JsonOutput.Write(node, indented: true)).Root;
}
