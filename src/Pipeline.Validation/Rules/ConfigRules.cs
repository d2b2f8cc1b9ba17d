using Pipeline.Diagnostics;
using Pipeline.Json;
using Pipeline.Validation.Files;
using Pipeline.Validation.Schemas;

namespace Pipeline.Validation.Rules;

/// <summary>
/// config.json: a usable options schema whose defaults satisfy it and whose required options are
/// defined.
/// </summary>
public static class ConfigRules
{
    public static void Check(RevisionDocuments documents, List<Diagnostic> diagnostics)
    {
        if (documents.Config is not { } config || documents.Revision.ConfigJson is not { } file) return;
        var path = file.RelativePath;
        var before = diagnostics.Count;
        SchemaDiagnostics.Validate(SchemaSet.Config, config, path, null, diagnostics);
        for (var i = before; i < diagnostics.Count; i++)
        {
            // Problems in the options schema itself are one rule: the schema is not usable as is.
            var d = diagnostics[i];
            diagnostics[i] = RuleCatalog.InvalidOptionsSchema.At(d.File, d.Line, d.Column, d.Message);
        }
        var reported = diagnostics.Skip(before).Select(d => (d.Line, d.Column)).ToHashSet();
        var loaded = JsonSchema.Load(config);
        foreach (var problem in loaded.Problems)
        {
            // The meta-schema already named what is wrong at this place.
            if (reported.Contains((problem.Position.Line, problem.Position.Column))) continue;
            diagnostics.Add(RuleCatalog.InvalidOptionsSchema.At(path, problem.Position, problem.Message));
        }
        if (loaded.Schema is { } schema) CheckDefaults(config, schema, path, diagnostics);
        CheckRequired(config, path, diagnostics);
    }

    /// <summary>
    /// Validates the options built from the defaults alone against the schema; an error is
    /// reported on the explicit default it comes from (errors on values no default gave, such as
    /// a missing required option, are not this rule's business).
    /// </summary>
    private static void CheckDefaults(JsonValue config, JsonSchema schema, string path, List<Diagnostic> diagnostics)
    {
        var defaults = OptionDefaults.Build(config, placeholders: false);
        // Straight to UTF-8: the options document is only parsed again, never shown.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) defaults.WriteTo(writer);
        var parsed = JsonParser.Parse(buffer.WrittenMemory);
        if (parsed.Root is null) return;
        foreach (var error in schema.Validate(parsed.Root))
        {
            if (error.Keyword == "required") continue;
            var (defaultValue, required) = FindDefault(config, error.InstancePointer);
            if (defaultValue is null) continue;
            var option = error.InstancePointer.TrimStart('/').Replace('/', '.');
            // A required option whose default cannot pass is a deliberate gate (beta opt-ins,
            // licence acceptance): unusual, not broken. An optional one breaks default installs.
            diagnostics.Add(required
                ? RuleCatalog.GateDefault.At(path, defaultValue.Position,
                    $"the default of required option `{option}` fails its schema, so every install must set it: {error.Message}")
                : RuleCatalog.InvalidDefault.At(path, defaultValue.Position,
                    $"the default of option `{option}` is invalid, so installing with default options fails: {error.Message}"));
        }
    }

    /// <summary>
    /// The nearest explicit <c>default</c> in the schema for an options pointer, and whether the
    /// option carrying it is listed in its parent's <c>required</c>.
    /// </summary>
    private static (JsonValue? Default, bool Required) FindDefault(JsonValue config, string instancePointer)
    {
        var segments = instancePointer.Length == 0 ? [] : instancePointer[1..].Split('/');
        var node = config;
        (JsonValue? Default, bool Required) found = (null, false);
        foreach (var segment in segments)
        {
            var name = segment.Replace("~1", "/").Replace("~0", "~");
            var next = node["properties"]?[name];
            if (next is null) break;
            var required = node["required"] is { Kind: JsonKind.Array } list && list.Items.Any(i => i.String == name);
            node = next;
            if (node["default"] is { } d) found = (d, required);
        }
        return found;
    }

    private static void CheckRequired(JsonValue schema, string path, List<Diagnostic> diagnostics)
    {
        // Depth-first with the option path kept as a stack of names, joined only for a finding:
        // most schemas have none, and a string per property would be most of this walk's cost.
        var names = new List<string>();
        Walk(schema, 0);

        void Walk(JsonValue node, int depth)
        {
            if (depth > 32) return;
            var properties = node["properties"];
            if (node["required"] is { Kind: JsonKind.Array } required && properties is { Kind: JsonKind.Object })
            {
                foreach (var name in required.Items)
                {
                    if (name.Kind == JsonKind.String && properties[name.String!] is null)
                    {
                        var option = names.Count == 0 ? name.String : $"{string.Join('.', names)}.{name.String}";
                        diagnostics.Add(RuleCatalog.RequiredWithoutProperty.At(path, name.Position,
                            $"option `{option}` is required but not defined under `properties`"));
                    }
                }
            }
            if (properties is not { Kind: JsonKind.Object }) return;
            foreach (var property in properties.Properties)
            {
                names.Add(property.Name);
                Walk(property.Value, depth + 1);
                names.RemoveAt(names.Count - 1);
            }
        }
    }
}
