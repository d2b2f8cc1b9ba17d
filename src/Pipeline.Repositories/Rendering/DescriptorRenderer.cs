using System.Text.Json.Nodes;
using Pipeline.Json.Dom;
using Pipeline.Json.Nodes;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Yaml;
using Pipeline.Repositories.Sources;
using Pipeline.Templates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// Renders one descriptor template with Cosmos's rules over a context, then parses the result by
/// its format (json, yaml/yml; other formats are returned as rendered). A Marathon app must be a
/// JSON object; it gets <c>id</c> from the app id and the <see cref="MarathonLabels"/>.
/// </summary>
public static class DescriptorRenderer
{
    /// <summary>Cosmos's context: the merged options with <c>{"resource": resource.json}</c> deep-merged over them.</summary>
    public static JsonObject Context(JsonObject mergedOptions, JsonObject? resource) =>
        resource is null ? (JsonObject)mergedOptions.DeepClone() : JsonMerge.Merge(mergedOptions, new JsonObject { ["resource"] = resource.DeepClone() });

    /// <param name="marathonLabels">Labels for a Marathon app, or null to add none.</param>
    public static RenderedDescriptor Render(DescriptorTemplate descriptor, JsonObject context, string? appId, IReadOnlyDictionary<string, string>? marathonLabels)
    {
        var name = descriptor.Name;
        var parsed = MustacheTemplate.Parse(descriptor.Template);
        if (parsed.Template is not { } template) return Failed(descriptor, null, parsed.Problems.Select(p => $"template: {p.Message}"));
        var rendered = template.Render(context);
        if (rendered.Output is not { } output) return Failed(descriptor, null, rendered.Problems.Select(p => $"render: {p.Message}"));
        return name.Format switch
        {
            "json" => Json(descriptor, output, appId, marathonLabels),
            "yaml" or "yml" => Yaml(descriptor, output),
            _ => new RenderedDescriptor(name, output, null, []),
        };
    }

    private static RenderedDescriptor Json(DescriptorTemplate descriptor, string output, string? appId, IReadOnlyDictionary<string, string>? labels)
    {
        var parsed = JsonParser.Parse(output);
        // A repeated key is tolerated (the last one wins, as in Cosmos's parser); anything else is fatal.
        if (parsed.Root is null)
        {
            var first = parsed.Problems.FirstOrDefault();
            return Failed(descriptor, output, [$"renders to invalid JSON at line {first?.Position.Line}, column {first?.Position.Column}: {first?.Message}"]);
        }
        var document = parsed.Root.ToJsonNode();
        if (!descriptor.Name.IsMarathon) return new RenderedDescriptor(descriptor.Name, JsonOutput.Write(document, indented: true), document, []);
        if (document is not JsonObject app) return Failed(descriptor, output, ["renders to JSON that is not an object; a Marathon app definition must be one"]);

        if (appId is not null) app["id"] = appId;
        var existing = app["labels"];
        if (existing is not (null or JsonObject) || existing is JsonObject map && map.Any(p => p.Value is not System.Text.Json.Nodes.JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return Failed(descriptor, output, ["`labels` must map names to strings, as Marathon requires"]);
        }
        if (labels is not null)
        {
            var merged = existing is JsonObject current ? (JsonObject)current.DeepClone() : new JsonObject();
            foreach (var (key, value) in labels) merged[key] = value;
            app["labels"] = merged;
        }
        return new RenderedDescriptor(descriptor.Name, JsonOutput.Write(app, indented: true), app, []);
    }

    private static RenderedDescriptor Yaml(DescriptorTemplate descriptor, string output)
    {
        try
        {
            BoundedYaml.Load(output);
            return new RenderedDescriptor(descriptor.Name, output, null, []);
        }
        catch (YamlException e)
        {
            return Failed(descriptor, output, [$"renders to invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
        }
    }

    private static RenderedDescriptor Failed(DescriptorTemplate descriptor, string? output, IEnumerable<string> problems) =>
        new(descriptor.Name, output, null, problems.ToArray());
}
