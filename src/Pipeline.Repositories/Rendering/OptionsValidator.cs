using JsonObject = System.Text.Json.Nodes.JsonObject;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Schema.Validation;
using Pipeline.Json.Schema;
using Pipeline.Json;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// Validates merged options against the package's config.json with the Draft 4 validator, as
/// Cosmos does before rendering, and words each error for the person who set the option.
/// </summary>
public static class OptionsValidator
{
    /// <param name="config">The options schema; null when the package takes no options.</param>
    /// <param name="options">The merged options (defaults plus the user's).</param>
    /// <param name="userOptions">What the user gave: options for a package without a schema are refused, like Cosmos does.</param>
    public static IReadOnlyList<OptionError> Validate(JsonObject? config, JsonObject options, JsonObject userOptions)
    {
        if (config is null)
        {
            return userOptions.Count == 0
                ? []
                : [new OptionError("", "options-not-allowed", "this package has no options schema (config.json), so it takes no options", null)];
        }
        var schemaDocument = SchemaValue.Of(config);
        var loaded = schemaDocument is null ? null : JsonSchema.Load(schemaDocument);
        if (loaded?.Schema is not { } schema)
        {
            var why = loaded?.Problems.FirstOrDefault()?.Message ?? "it is not JSON";
            return [new OptionError("", "schema", $"the package's options schema cannot be used: {why}", null)];
        }
        var instance = SchemaValue.Of(options)!;
        var errors = schema.Validate(instance);
        var tree = errors.Count == 0 ? null : OptionTree.Read(schemaDocument!);
        return errors.Select(error => Describe(error, schemaDocument!, tree!)).ToArray();
    }

    private static OptionError Describe(SchemaError error, JsonDatum schema, OptionTree options)
    {
        var segments = error.InstancePointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToList();
        // The parent of the keyword is the schema of the value in error.
        var keywordAt = error.SchemaPointer.LastIndexOf('/');
        var owner = keywordAt <= 0 ? schema : schema.Resolve(error.SchemaPointer[..keywordAt]) ?? schema;
        var described = owner;
        if (error.Keyword is "required" or "dependencies" && error.Field is { } missing)
        {
            segments.Add(missing);
            described = owner["properties"]?[missing] ?? owner;
        }
        else if (error.Keyword == "additionalProperties" && error.Field is { } unknown)
        {
            segments.Add(unknown);
            described = null;
        }
        // The option's description wherever it is declared: `required` may sit in an allOf branch
        // or a $ref'd definition, away from the property it names.
        var description = described?["description"] is { Kind: JsonKind.String } text ? text.String : null;
        if (error.Keyword is "required" or "dependencies" && Option(options, segments)?.Keyword("description") is { Kind: JsonKind.String } declared)
        {
            description = declared.String;
        }
        return new OptionError(string.Join('.', segments), error.Keyword, error.Message, description);
    }

    private static OptionNode? Option(OptionTree options, List<string> segments)
    {
        var node = options.Root;
        foreach (var segment in segments)
        {
            if (node.Child(segment) is not { } child) return null;
            node = child;
        }
        return node;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
