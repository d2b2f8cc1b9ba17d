using System.Text.Json.Nodes;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Images;

/// <summary>An image a package names, and where: a JSON pointer into resource.json, or a descriptor and a pointer into what it renders to.</summary>
public sealed record NamedImage(string Where, string Text);

/// <summary>
/// The Docker images a package version runs: resource.json's <c>assets.container.docker</c>, and
/// the images in its Marathon descriptor rendered with the default options (an app's
/// <c>container.docker.image</c>, a pod's <c>containers[].image.id</c>). A descriptor that does
/// not render is a problem, and its images are then only those resource.json names.
/// </summary>
public static class PackageImages
{
    public static IReadOnlyList<NamedImage> Find(PackageDefinition package, JsonObject? resource, List<string> problems)
    {
        var found = new List<NamedImage>();
        if (resource?["assets"]?["container"]?["docker"] is JsonObject docker)
        {
            foreach (var (alias, value) in docker)
            {
                if (value is JsonValue v && v.TryGetValue(out string? text)) found.Add(new NamedImage($"resource.json /assets/container/docker/{alias}", text));
            }
        }
        if (package.Marathon is not null)
        {
            var outcome = PackageRenderer.Render(package, new RenderRequest { Descriptor = "marathon.json", Placeholders = true, ValidateOptions = false });
            var rendered = outcome.Descriptors.FirstOrDefault();
            if (!outcome.Succeeded || rendered?.Document is not JsonObject app)
            {
                var why = outcome.Problem ?? rendered?.Problems.FirstOrDefault() ?? outcome.OptionErrors.FirstOrDefault()?.ToString() ?? "it is not a JSON object";
                problems.Add($"marathon.json does not render with the default options, so only resource.json's images are copied: {why}");
            }
            else
            {
                Add(found, "/container/docker/image", app["container"]?["docker"]?["image"]);
                if (app["containers"] is JsonArray containers)
                {
                    for (var i = 0; i < containers.Count; i++) Add(found, $"/containers/{i}/image/id", containers[i]?["image"]?["id"]);
                }
            }
        }
        return found.DistinctBy(f => f.Text).ToArray();
    }

    private static void Add(List<NamedImage> found, string pointer, JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue(out string? text)) found.Add(new NamedImage($"marathon.json (rendered) {pointer}", text));
    }
}
