using System.Text.Json.Nodes;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// Points a package at the site's registry after a push: resource.json's
/// <c>assets.container.docker</c> entries, and image references written literally (as a whole
/// JSON string) in its descriptor templates, replaced by their pushed, digest-pinned names.
/// </summary>
public static class ImageReferenceRewriter
{
    /// <param name="pushed">Original reference text → the reference to use instead.</param>
    public static IReadOnlyList<DescriptorTemplate> Rewrite(JsonObject? resource, IReadOnlyList<DescriptorTemplate> descriptors, IReadOnlyDictionary<string, string> pushed)
    {
        if (pushed.Count == 0) return descriptors;
        if (resource?["assets"]?["container"]?["docker"] is JsonObject docker)
        {
            foreach (var (alias, value) in docker.ToArray())
            {
                if (value is JsonValue v && v.TryGetValue(out string? text) && pushed.TryGetValue(text, out var replacement)) docker[alias] = replacement;
            }
        }
        return descriptors.Select(d =>
        {
            var template = d.Template;
            foreach (var (original, replacement) in pushed) template = template.Replace($"\"{original}\"", $"\"{replacement}\"", StringComparison.Ordinal);
            return template == d.Template ? d : d with { Template = template };
        }).ToArray();
    }
}
