using System.Text.Json;

namespace Pipeline.Changes.Base;

/// <summary>The <c>name</c> and <c>version</c> of a package.json, or nulls when it does not say (or does not parse).</summary>
internal static class PackageIdentity
{
    public static (string? Name, string? Version) Read(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null);
            return (String(document.RootElement, "name"), String(document.RootElement, "version"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
