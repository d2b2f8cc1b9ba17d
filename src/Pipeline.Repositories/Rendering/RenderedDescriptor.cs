using System.Text.Json.Nodes;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// One descriptor after rendering: <see cref="Output"/> is the text to install (JSON re-written
/// indented, Marathon with its labels and id; other formats as rendered), <see cref="Document"/>
/// the parsed JSON when the format is JSON, and <see cref="Problems"/> why it did not render or
/// parse (empty when it did).
/// </summary>
public sealed record RenderedDescriptor(DescriptorName Name, string? Output, JsonNode? Document, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0 && Output is not null;
}
