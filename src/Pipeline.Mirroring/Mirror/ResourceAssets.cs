using System.Text.Json.Nodes;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// What in a resource.json a mirror downloads (images, <c>assets.uris</c>, CLI binaries) and what
/// it only lists (Docker images, which belong in a registry, not a folder).
/// </summary>
public sealed record ResourceAssets(IReadOnlyList<ResourceAsset> Downloads, IReadOnlyList<DockerImage> DockerImages)
{
    /// <summary>Reads <paramref name="resource"/>, whose entries <see cref="ResourceAsset.Rewrite"/> then changes in place. Shapes it does not expect are passed over.</summary>
    public static ResourceAssets Find(JsonObject resource)
    {
        var downloads = new List<ResourceAsset?>();
        var docker = new List<DockerImage>();
        if (resource["images"] is JsonObject images)
        {
            foreach (var icon in new[] { "icon-small", "icon-medium", "icon-large" })
            {
                downloads.Add(ResourceAsset.At($"/images/{icon}", images, icon));
            }
            if (images["screenshots"] is JsonArray screenshots)
            {
                for (var i = 0; i < screenshots.Count; i++) downloads.Add(ResourceAsset.At($"/images/screenshots/{i}", screenshots, i));
            }
        }
        if (resource["assets"] is JsonObject assets)
        {
            if (assets["uris"] is JsonObject uris)
            {
                foreach (var alias in uris.Select(p => p.Key).ToArray()) downloads.Add(ResourceAsset.At($"/assets/uris/{alias}", uris, alias));
            }
            if (assets["container"] is JsonObject { } container && container["docker"] is JsonObject images2)
            {
                foreach (var (alias, image) in images2)
                {
                    if (image is JsonValue value && value.TryGetValue(out string? reference)) docker.Add(new DockerImage(alias, reference));
                }
            }
        }
        if (resource["cli"] is JsonObject cli && cli["binaries"] is JsonObject binaries)
        {
            foreach (var (os, architectures) in binaries)
            {
                if (architectures is not JsonObject byArchitecture) continue;
                foreach (var (architecture, binary) in byArchitecture)
                {
                    if (binary is JsonObject entry) downloads.Add(ResourceAsset.At($"/cli/binaries/{os}/{architecture}/url", entry, "url", CliSha256(entry)));
                }
            }
        }
        return new ResourceAssets(downloads.OfType<ResourceAsset>().ToArray(), docker);
    }

    /// <summary>The first sha256 of a CLI binary's <c>contentHash</c> list, or null.</summary>
    public static string? CliSha256(JsonObject binary) =>
        (binary["contentHash"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(h => h["algo"] is JsonValue a && a.TryGetValue(out string? algo) && algo.Equals("sha256", StringComparison.OrdinalIgnoreCase))
            .Select(h => h["value"] is JsonValue v && v.TryGetValue(out string? digest) ? digest : null)
            .FirstOrDefault(d => d is not null);
}

/// <summary>A Docker image a package needs, listed in the mirror's notes; it is not downloaded.</summary>
public sealed record DockerImage(string Alias, string Reference);
