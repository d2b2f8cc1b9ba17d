using Pipeline.Diagnostics;
using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema.Validation;
using Pipeline.Json.Schema;
using Pipeline.Json;
using Pipeline.Validation.Files;
using Pipeline.Validation.Schemas;
using Pipeline.Packages.Documents;

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
        var options = documents.Options!;
        if (loaded.Schema is { } schema) CheckDefaults(options, schema, path, diagnostics);
        CheckRequired(options, path, diagnostics);
    }

    /// <summary>
    /// Validates the options built from the defaults alone against the schema; an error is
    /// reported on the explicit default it comes from (errors on values no default gave, such as
    /// a missing required option, are not this rule's business).
    /// </summary>
    private static void CheckDefaults(OptionTree options, JsonSchema schema, string path, List<Diagnostic> diagnostics)
    {
        var defaults = OptionDefaults.Build(options, placeholders: false);
        // Straight to UTF-8: the options document is only parsed again, never shown.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) defaults.WriteTo(writer);
        var parsed = JsonParser.Parse(buffer.WrittenMemory);
        if (parsed.Root is null) return;
        foreach (var error in schema.Validate(parsed.Root))
        {
            if (error.Keyword == "required") continue;
            var (defaultValue, required) = FindDefault(options, error.InstancePointer);
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
    /// The nearest explicit <c>default</c> Cosmos applies for an options pointer, and whether the
    /// failing value is one the schema requires: the option at the pointer (as deep as the schema
    /// describes it) is required, and so is every option between it and the one whose default
    /// gave it. Required means listed in <c>required</c> of its parent or of an <c>allOf</c>
    /// branch, in every <c>anyOf</c>/<c>oneOf</c> branch, or Draft 3's <c>required: true</c>,
    /// through <c>$ref</c>s. Only then is a failing default a deliberate gate; an option required
    /// in some branches only is left out by installs that take the others, so its bad default
    /// breaks them.
    /// </summary>
    private static (JsonDatum? Default, bool Required) FindDefault(OptionTree options, string instancePointer)
    {
        var segments = instancePointer.Length == 0 ? [] : instancePointer[1..].Split('/');
        var node = options.Root;
        JsonDatum? found = null;
        var required = false;
        var below = false;
        foreach (var segment in segments)
        {
            var name = segment.Replace("~1", "/").Replace("~0", "~");
            if (node.Child(name) is not { } next) break;
            node = next;
            if (node.Default is { } value)
            {
                (found, required, below) = (value, node.Requirement == Requirement.Required, false);
            }
            else if (found is not null)
            {
                // A member of the default's value: whether it is required in its parent decides.
                required = (below ? required : true) && node.Requirement == Requirement.Required;
                below = true;
            }
        }
        return (found, required);
    }

    /// <summary>
    /// Every name a <c>required</c> array lists (the option's own, an <c>allOf</c>, <c>anyOf</c> or
    /// <c>oneOf</c> branch's or a schema under <c>dependencies</c>, after <c>$ref</c>) must be declared
    /// by one of the option's schemas.
    /// Options whose schemas declare no properties at all are left alone, as are open ones past a
    /// bound. A <c>required</c> reached through several options (a shared definition) is reported once.
    /// </summary>
    private static void CheckRequired(OptionTree options, string path, List<Diagnostic> diagnostics)
    {
        HashSet<JsonDatum>? reported = null;
        var pending = new Stack<OptionNode>();
        pending.Push(options.Root);
        while (pending.Count > 0 && !options.Truncated)
        {
            var node = pending.Pop();
            var hasProperties = node.HasProperties;
            // Past the budget the option may be read in part: a name it lacks proves nothing.
            if (options.Truncated) break;
            if (hasProperties)
            {
                foreach (var name in node.RequiredNames)
                {
                    if (node.Child(name.String!) is not null) continue;
                    if (!(reported ??= new HashSet<JsonDatum>(ReferenceEqualityComparer.Instance)).Add(name)) continue;
                    var option = node.Path.Length == 0 ? name.String : $"{node.Path}.{name.String}";
                    diagnostics.Add(RuleCatalog.RequiredWithoutProperty.At(path, name.Position,
                        $"option `{option}` is required but not defined under `properties`"));
                }
            }
            node.PushContainers(pending);
        }
    }
}
