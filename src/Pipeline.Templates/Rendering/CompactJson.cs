using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// Writes any node as compact JSON, without recursion so a deeply nested value cannot overflow
/// the stack. Strings use <see cref="JsonEscaping"/>, so non-ASCII text is kept as it is.
/// </summary>
internal static class CompactJson
{
    public static void Append(StringBuilder output, JsonNode? root)
    {
        var open = new List<(JsonNode Container, int Next)>();
        Begin(output, root, open);
        while (open.Count > 0)
        {
            var (container, next) = open[^1];
            if (container is JsonObject obj)
            {
                if (next == obj.Count)
                {
                    output.Append('}');
                    open.RemoveAt(open.Count - 1);
                    continue;
                }
                open[^1] = (container, next + 1);
                var (key, value) = obj.GetAt(next);
                if (next > 0) output.Append(',');
                AppendString(output, key);
                output.Append(':');
                Begin(output, value, open);
            }
            else
            {
                var array = (JsonArray)container;
                if (next == array.Count)
                {
                    output.Append(']');
                    open.RemoveAt(open.Count - 1);
                    continue;
                }
                open[^1] = (container, next + 1);
                if (next > 0) output.Append(',');
                Begin(output, array[next], open);
            }
        }
    }

    // Writes a scalar whole, or the opening of a container and remembers it.
    private static void Begin(StringBuilder output, JsonNode? node, List<(JsonNode Container, int Next)> open)
    {
        switch (ContextStack.Normalize(node))
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                output.Append('{');
                open.Add((obj, 0));
                break;
            case JsonArray array:
                output.Append('[');
                open.Add((array, 0));
                break;
            case JsonValue value when JsonScalars.StringOf(value) is { } text:
                AppendString(output, text);
                break;
            case JsonValue value:
                JsonScalars.AppendLiteral(output, value);
                break;
        }
    }

    private static void AppendString(StringBuilder output, string text)
    {
        output.Append('"');
        JsonEscaping.Append(output, text);
        output.Append('"');
    }
}
