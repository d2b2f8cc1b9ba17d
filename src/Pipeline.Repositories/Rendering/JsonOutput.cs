using System.Text.Json.Nodes;
using Pipeline.Json.Nodes;
using Pipeline.Repositories.Resolution;

namespace Pipeline.Repositories.Rendering;

/// <summary>Writes JSON nodes as text without reflection (the CLI is compiled ahead of time) and without HTML escaping.</summary>
public static class JsonOutput
{
    public static string Write(JsonNode? node, bool indented) => JsonNodeText.Write(node, indented);

    /// <summary>A copy without null members in objects (at any depth), as Cosmos prints label contents.</summary>
    public static JsonNode? DropNulls(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, DropNulls(p.Value)))),
        JsonArray array => new JsonArray(array.Select(DropNulls).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>Strings as a JSON array.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    /// <summary>The repositories skipped, as the commands' --json output lists them.</summary>
    public static JsonArray Warnings(IEnumerable<RepositoryWarning> warnings) =>
        new(warnings.Select(w => (JsonNode)new JsonObject { ["repository"] = w.Repository, ["message"] = w.Message }).ToArray());
}
