using System.Text.Json;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// What an upstream body must be before it replaces the last good copy: a 200 with broken JSON
/// must not drop every package of the upstream.
/// </summary>
internal static class UpstreamDocument
{
    /// <summary>A JSON object (a package file).</summary>
    public static string? AnyJson(byte[] content) => Read(content, requirePackages: false);

    /// <summary>A JSON object with a <c>packages</c> array (an index.json or a DC/OS repository file).</summary>
    public static string? PackageList(byte[] content) => Read(content, requirePackages: true);

    private static string? Read(byte[] content, bool requirePackages)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return "not a JSON object; the last good copy is kept";
            if (requirePackages && (!document.RootElement.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Array))
            {
                return "no `packages` array; the last good copy is kept";
            }
            return null;
        }
        catch (JsonException e)
        {
            return $"not valid JSON ({e.Message}); the last good copy is kept";
        }
    }
}
