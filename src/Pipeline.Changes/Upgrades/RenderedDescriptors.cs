using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Reports;
using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;
using Pipeline.Json.Nodes;
using Pipeline.Json.Parsing;
using Pipeline.Packages.Documents;
using Pipeline.Templates;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// Renders every descriptor of a revision over given options, as Cosmos does: the context is the
/// options with <c>{"resource": resource.json}</c> deep-merged over them (the rule of
/// <c>DescriptorRenderer.Context</c> in Pipeline.Repositories, which this floor cannot reference).
/// JSON is pretty-printed canonically (indented, keys in their order), so that a diff shows
/// changed values and not template whitespace. Never throws: a failure is the descriptor's problem.
/// </summary>
public static class RenderedDescriptors
{
    /// <summary>The options an operator of this revision has: its defaults, and a placeholder for each required option without one.</summary>
    public static JsonObject OperatorOptions(RevisionDocuments documents) =>
        documents is { Config.Kind: JsonKind.Object, Options: { } options }
            ? OptionDefaults.Build(options, placeholders: true)
            : new JsonObject();

    public static JsonObject Context(JsonObject options, RevisionDocuments documents) =>
        documents.Resource?.Root.ToJsonNode() is JsonObject resource
            ? JsonMerge.Merge(options, new JsonObject { ["resource"] = resource })
            : (JsonObject)options.DeepClone();

    /// <summary>Every descriptor of the revision in file order, rendered over <paramref name="options"/>.</summary>
    public static IReadOnlyList<RenderedDescriptorText> Render(RevisionDocuments documents, JsonObject options)
    {
        var context = Context(options, documents);
        var result = new List<RenderedDescriptorText>();
        foreach (var (name, file) in documents.Revision.Descriptors())
        {
            var output = name.OutputName;
            if (!file.Loaded)
            {
                result.Add(new RenderedDescriptorText(output, null, file.LoadProblem ?? $"`{file.Name}` could not be read"));
                continue;
            }
            result.Add(Render(output, name.Format, RevisionText.Of(file.Content), context));
        }
        return result;
    }

    public static RenderedDescriptorText Render(string name, string format, string template, JsonObject context)
    {
        var parsed = MustacheTemplate.Parse(template);
        if (parsed.Template is not { } compiled) return Failed(name, "the template does not parse", parsed.Problems);
        var rendered = compiled.Render(context);
        if (rendered.Output is not { } output) return Failed(name, "rendering stopped", rendered.Problems);
        if (format != "json") return new RenderedDescriptorText(name, output, null);

        var json = JsonParser.Parse(output);
        if (json.Root is null)
        {
            var first = json.Problems.FirstOrDefault();
            return new RenderedDescriptorText(name, null, TerminalText.Escape($"renders to invalid JSON at line {first?.Position.Line}, column {first?.Position.Column}: {first?.Message}"));
        }
        try
        {
            return new RenderedDescriptorText(name, JsonNodeText.Write(json.Root.ToJsonNode(), indented: true), null);
        }
        catch (InvalidOperationException e)
        {
            // The writer's own depth limit: a document the parser took but the writer refuses.
            return new RenderedDescriptorText(name, null, TerminalText.Escape($"renders to JSON that cannot be shown: {e.Message}"));
        }
    }

    private static RenderedDescriptorText Failed(string name, string what, IReadOnlyList<TemplateProblem> problems)
    {
        var first = problems.FirstOrDefault();
        var detail = first is null ? "" : $" at line {first.Position.Line}, column {first.Position.Column}: {first.Message}";
        return new RenderedDescriptorText(name, null, TerminalText.Escape(what + detail));
    }
}
