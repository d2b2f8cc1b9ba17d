using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Json.Nodes;

/// <summary>
/// JSON nodes as text without reflection (the CLI is compiled ahead of time) and without HTML
/// escaping: what `universe render` prints and what the pull-request diff of rendered descriptors compares.
/// </summary>
public static class JsonNodeText
{
    /// <exception cref="InvalidOperationException">The node is nested deeper than the writer's limit.</exception>
    public static string Write(JsonNode? node, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (node is null) writer.WriteNullValue();
            else node.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
