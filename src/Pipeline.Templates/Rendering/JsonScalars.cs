using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Rendering;

/// <summary>Reads strings and writes numbers, booleans and null from JsonValues, whatever they wrap.</summary>
internal static class JsonScalars
{
    /// <summary>The text of a string value, or null when the value is not a string.</summary>
    public static string? StringOf(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? TextOf(value) : null;

    /// <summary>The text of a value whose kind is <see cref="JsonValueKind.String"/>.</summary>
    public static string TextOf(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : Reparsed(value);

    // A wrapped non-string CLR value (a Guid, a DateTime) that serialises as a JSON string.
    private static string Reparsed(JsonValue value) => JsonNode.Parse(value.ToJsonString())!.GetValue<string>();

    /// <summary>A number, boolean or null as JSON text; a parsed number keeps its original text (8080 stays 8080, 1.0 stays 1.0).</summary>
    public static void AppendLiteral(StringBuilder output, JsonValue value)
    {
        // Whatever a boolean wraps, it writes as true or false; asking its kind saves trying each type.
        var kind = value.GetValueKind();
        if (kind == JsonValueKind.True) output.Append("true");
        else if (kind == JsonValueKind.False) output.Append("false");
        else if (value.TryGetValue<JsonElement>(out var element)) AppendRaw(output, element);
        else if (value.TryGetValue<int>(out var number)) output.Append(CultureInfo.InvariantCulture, $"{number}");
        else if (value.TryGetValue<long>(out var longNumber)) output.Append(CultureInfo.InvariantCulture, $"{longNumber}");
        else if (value.TryGetValue<bool>(out var flag)) output.Append(flag ? "true" : "false");
        else output.Append(value.ToJsonString());
    }

    // Numbers and literals are ASCII, so their raw UTF-8 bytes are their characters; no string per value.
    private static void AppendRaw(StringBuilder output, JsonElement element)
    {
        if (element.ValueKind is JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array)
        {
            output.Append(element.GetRawText());
            return;
        }
        foreach (var b in JsonMarshal.GetRawUtf8Value(element)) output.Append((char)b);
    }
}
