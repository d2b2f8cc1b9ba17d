using JsonObject = System.Text.Json.Nodes.JsonObject;
using Pipeline.Diagnostics;
using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;
using Pipeline.Json.Nodes;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;
using Pipeline.Packages.Yaml;
using Pipeline.Packages;
using Pipeline.Templates;
using Pipeline.Validation.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Pipeline.Packages.Documents;

namespace Pipeline.Validation.Templates;

/// <summary>
/// A descriptor template: it parses as Mustache, uses only variables the options schema (or
/// <c>resource</c>) defines, and renders — over the schema defaults plus a placeholder for every
/// required option without one — to a document of its format.
/// </summary>
public static class DescriptorChecker
{
    public static void Check(DescriptorName name, RevisionFile file, RevisionDocuments documents, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        var text = EncodingChecks.DecodeUtf8(file, diagnostics);
        if (text is null) return;
        EncodingChecks.CheckAscii(file, settings, diagnostics);
        var path = file.RelativePath;
        var parsed = MustacheTemplate.Parse(text);
        Report(parsed.Problems, path, diagnostics);
        if (parsed.Template is not { } template) return;

        VariableResolver.Report(template, documents, path, diagnostics);

        var context = RenderContext(documents);
        var rendered = template.Render(context);
        Report(rendered.Problems, path, diagnostics);
        if (rendered.Output is not { } output) return;
        switch (name.Format)
        {
            case "json":
                CheckJson(name, output, text, path, diagnostics);
                break;
            case "yaml" or "yml":
                CheckYaml(output, text, path, diagnostics);
                break;
            default:
                diagnostics.Add(RuleCatalog.UnknownDescriptorFormat.At(path,
                    $"`{name.FileName}` renders to format `{name.Format}`, which the validator cannot parse; only json and yaml outputs are checked"));
                break;
        }
    }

    /// <summary>
    /// Cosmos's context: the options (schema defaults plus placeholders here), with
    /// <c>{"resource": {"assets": …}}</c> from resource.json deep-merged over them.
    /// </summary>
    public static JsonObject RenderContext(RevisionDocuments documents)
    {
        var context = documents is { Config.Kind: JsonKind.Object, Options: { } options }
            ? OptionDefaults.Build(options, placeholders: true)
            : new JsonObject();
        var assets = documents.Resource?.Root[ResourceFields.Assets]?.ToJsonNode() ?? new JsonObject();
        JsonMerge.Into(context, new JsonObject { ["resource"] = new JsonObject { ["assets"] = assets } });
        return context;
    }

    /// <summary>Template problems: a limit that stopped the work is UNI303, anything else UNI300.</summary>
    private static void Report(IReadOnlyList<TemplateProblem> problems, string path, List<Diagnostic> diagnostics)
    {
        foreach (var problem in problems)
        {
            var rule = problem.Kind is TemplateProblemKind.TooDeep or TemplateProblemKind.TooMuchWork or TemplateProblemKind.OutputTooLarge
                ? RuleCatalog.RenderLimit
                : RuleCatalog.TemplateSyntax;
            diagnostics.Add(rule.At(path, problem.Position, problem.Message));
        }
    }

    private static void CheckJson(DescriptorName name, string output, string template, string path, List<Diagnostic> diagnostics)
    {
        var parsed = JsonParser.Parse(output);
        var problem = parsed.Problems.FirstOrDefault(p => p.Kind is not JsonProblemKind.DuplicateKey);
        if (problem is not null)
        {
            Report(RuleCatalog.RenderedNotParsable, output, template, path, problem.Position.Line, $"renders to invalid JSON: {problem.Message}", diagnostics);
            return;
        }
        foreach (var duplicate in parsed.Problems)
        {
            Report(RuleCatalog.RenderedDuplicateKey, output, template, path, duplicate.Position.Line, $"renders to JSON with a repeated key: {duplicate.Message}", diagnostics);
        }
        if (name.IsMarathon && parsed.Root is { Kind: not JsonKind.Object } root)
        {
            diagnostics.Add(RuleCatalog.RenderedNotParsable.At(path, 1, 1, $"renders to {PackageKind(root)}, but a Marathon app definition is a JSON object"));
        }
    }

    private static void CheckYaml(string output, string template, string path, List<Diagnostic> diagnostics)
    {
        try
        {
            BoundedYaml.Load(output);
        }
        catch (YamlTooDeepException e)
        {
            var (line, column, message) = Located(output, template, (int)e.Start.Line, $"renders to YAML nested too deeply: {e.Message}");
            diagnostics.Add(YamlDepth.TooDeep(path, line, column, message));
        }
        catch (YamlException e)
        {
            Report(RuleCatalog.RenderedNotParsable, output, template, path, (int)e.Start.Line, $"renders to invalid YAML: {e.Message}", diagnostics);
        }
    }

    private static void Report(Rule rule, string output, string template, string path, int renderedLine, string message, List<Diagnostic> diagnostics)
    {
        var (line, column, located) = Located(output, template, renderedLine, message);
        diagnostics.Add(rule.At(path, line, column, located));
    }

    /// <summary>A problem in the rendered output, placed on the template line that made it and quoting the rendered line.</summary>
    private static (int Line, int Column, string Message) Located(string output, string template, int renderedLine, string message)
    {
        var shown = LineOf(output, renderedLine).Trim().ToString();
        if (shown.Length > 120) shown = shown[..117] + "...";
        var templateLine = RenderedLineLocator.Find(template, shown, renderedLine);
        return (templateLine, templateLine > 0 ? 1 : 0, $"{message} (rendered line {renderedLine}: `{shown}`)");
    }

    /// <summary>Line <paramref name="number"/> (1-based, split at '\n') of the text; empty past its end.</summary>
    private static ReadOnlySpan<char> LineOf(string text, int number)
    {
        if (number < 1) return [];
        var rest = text.AsSpan();
        for (var line = 1; line < number; line++)
        {
            var end = rest.IndexOf('\n');
            if (end < 0) return [];
            rest = rest[(end + 1)..];
        }
        var next = rest.IndexOf('\n');
        return next < 0 ? rest : rest[..next];
    }

    private static string PackageKind(JsonDatum value) => value.Kind switch
    {
        JsonKind.Array => "a JSON array",
        JsonKind.String => "a JSON string",
        JsonKind.Number => "a JSON number",
        _ => "a JSON scalar",
    };
}
