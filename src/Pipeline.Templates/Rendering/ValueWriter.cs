using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(StringBuilder output, JsonNode? value, bool escape)
    {
        switch (value)
        {
            case null:
                return;
            case JsonObject or JsonArray:
                CompactJson.Append(output, value);
                return;
        }

        var scalar = (JsonValue)value;
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                var text = JsonScalars.TextOf(scalar);
                if (escape) JsonEscaping.Append(output, text);
                else output.Append(text);
                break;
            case not (JsonValueKind.Null or JsonValueKind.Undefined):
                JsonScalars.AppendLiteral(output, scalar);
                break;
        }
    }
}
