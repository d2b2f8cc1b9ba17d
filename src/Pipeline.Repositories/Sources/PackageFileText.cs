using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// A package document written back as a revision file (mirror, promote from a repository file):
/// indented, ASCII only as Universe requires (anything else as <c>\uXXXX</c>), ending in a newline.
/// </summary>
public static class PackageFileText
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    public static byte[] Json(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) node.WriteTo(writer);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
