using System.Text.Json;

namespace Pipeline.Promotion.Planning;

/// <summary>The <c>version</c> of a package.json, or null when it does not say or does not parse.</summary>
internal static class PackageJsonFacts
{
    public static string? Version(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        if (span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
