using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Build.Index;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RepositoryIndex))]
public sealed partial class IndexJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context for reading index.json (and for writing it elsewhere: the build writes it with
    /// its own writer). The file is data served as JSON, never inlined into HTML, so text is
    /// written as it is rather than with HTML-safe escapes.
    /// </summary>
    public static IndexJsonContext IndexFile { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
