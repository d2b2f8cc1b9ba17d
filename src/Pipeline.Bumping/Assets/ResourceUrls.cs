using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Json.Dom;

namespace Pipeline.Bumping.Assets;

/// <summary>
/// The URL strings of a resource.json a bump looks at, in document order: <c>assets.uris.*</c>,
/// <c>assets.container.docker.*</c> (image references), <c>cli.binaries.&lt;os&gt;.&lt;arch&gt;.url</c>
/// and <c>images.*</c> (including each of <c>images.screenshots</c>). Anything else in the file is
/// left alone.
/// </summary>
internal static class ResourceUrls
{
    public static IReadOnlyList<ResourceUrl> In(JsonObject resource)
    {
        var found = new List<ResourceUrl>();
        if (resource["assets"] is JsonObject assets)
        {
            Strings(found, assets["uris"], "assets.uris", docker: false);
            if (assets["container"] is JsonObject container) Strings(found, container["docker"], "assets.container.docker", docker: true);
        }
        if (resource["cli"] is JsonObject cli && cli["binaries"] is JsonObject binaries)
        {
            foreach (var (os, platform) in binaries)
            {
                if (platform is not JsonObject architectures) continue;
                foreach (var (architecture, node) in architectures)
                {
                    if (node is JsonObject binary && IsString(binary["url"]))
                    {
                        var path = $"cli.binaries.{os}.{architecture}";
                        found.Add(new ResourceUrl(path + ".url", $"/cli/binaries/{Escape(os)}/{Escape(architecture)}/url", binary, "url", -1, false, binary));
                    }
                }
            }
        }
        if (resource["images"] is JsonObject images)
        {
            foreach (var (name, node) in images)
            {
                if (IsString(node)) found.Add(new ResourceUrl($"images.{name}", $"/images/{Escape(name)}", images, name, -1, false, null));
                if (node is JsonArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (IsString(list[i])) found.Add(new ResourceUrl($"images.{name}.{i}", $"/images/{Escape(name)}/{i}", list, null, i, false, null));
                    }
                }
            }
        }
        return found;
    }

    private static void Strings(List<ResourceUrl> found, JsonNode? node, string path, bool docker)
    {
        if (node is not JsonObject map) return;
        foreach (var (name, value) in map)
        {
            if (IsString(value)) found.Add(new ResourceUrl($"{path}.{name}", $"/{path.Replace('.', '/')}/{Escape(name)}", map, name, -1, docker, null));
        }
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static string Escape(string name) => JsonPointer.Escape(name);
}
