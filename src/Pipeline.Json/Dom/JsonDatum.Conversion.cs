using System.Text.Json.Nodes;

namespace Pipeline.Json.Dom;

public sealed partial class JsonDatum
{
    /// <summary>
    /// A deep copy as a <see cref="JsonNode"/> (null for a JSON null). A duplicated key keeps its last
    /// value, as the indexer does. Built without recursion, so depth is no concern.
    /// </summary>
    public JsonNode? ToJsonNode() => JsonNodeConversion.Convert(this);
}
