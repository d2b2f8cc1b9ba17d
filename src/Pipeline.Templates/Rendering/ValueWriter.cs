using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// What a variable tag inserts: strings JSON-escaped without quotes,
/// numbers in their JSON text, booleans as true/false, nothing for missing or null, and
/// objects and lists as compact JSON.
/// </summary>
internal static class ValueWriter
{
    public static void Write(StringBuilder output, JsonNode? value, bool escape)
    {
        switch (value)
        {
            case JsonObject or JsonArray:
                CompactJson.Append(output, value);
                break;
            case JsonValue scalar when JsonScalars.StringOf(scalar) is { } text:
                if (escape) JsonEscaping.Append(output, text);
                else output.Append(text);
                break;
            case JsonValue scalar when scalar.GetValueKind() is not (JsonValueKind.Null or JsonValueKind.Undefined):
                JsonScalars.AppendLiteral(output, scalar);
                break;
        }
    }
}
