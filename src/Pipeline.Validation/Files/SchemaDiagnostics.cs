using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Validation;
using Pipeline.Json.Schema;
using Pipeline.Json;

namespace Pipeline.Validation.Files;

/// <summary>
/// Turns schema errors into diagnostics that name the field and the reason: a missing field is
/// UNI110, an unknown one UNI111 (with the allowed fields and a "did you mean"), anything else
/// UNI112. <paramref name="context"/> completes messages, e.g. "for packaging 3.0".
/// </summary>
public static class SchemaDiagnostics
{
    public static void Validate(JsonSchema schema, JsonDatum document, string file, string? context, List<Diagnostic> diagnostics, Func<SchemaError, bool>? skip = null)
    {
        foreach (var error in schema.Validate(document))
        {
            if (skip?.Invoke(error) == true) continue;
            diagnostics.Add(Map(schema, error, file, context));
        }
    }

    /// <param name="context">Completes messages, e.g. "packaging 3.0".</param>
    public static Diagnostic Map(JsonSchema schema, SchemaError error, string file, string? context)
    {
        switch (error.Keyword)
        {
            case "required":
                return RuleCatalog.RequiredField.At(file, error.Position,
                    $"`{error.Field}` is required{Where(error.InstancePointer)}{(context is null ? "" : $" for {context}")}");
            case "additionalProperties":
            {
                // The pointer names the unknown member itself; its parent is where it does not belong.
                var pointer = error.InstancePointer;
                var parent = pointer.EndsWith("/" + JsonPointer.Escape(error.Field ?? ""), StringComparison.Ordinal) ? pointer[..pointer.LastIndexOf('/')] : pointer;
                var allowed = AllowedFields(schema, error.SchemaPointer);
                var hint = allowed.Count == 0 ? null : BuildUnknownFieldHint(error.Field ?? "", allowed);
                return RuleCatalog.UnknownField.At(file, error.Position,
                    $"`{error.Field}` is not a known field{Where(parent)}{(context is null ? "" : $" for {context}")}", hint);
            }
            default:
                return RuleCatalog.InvalidFieldValue.At(file, error.Position, context is null ? error.Message : $"{error.Message} ({context})");
        }
    }

    private static string Where(string pointer) =>
        pointer.Length == 0 ? "" : $" in `{pointer.TrimStart('/').Replace("/", ".")}`";

    private static IReadOnlyList<string> AllowedFields(JsonSchema schema, string schemaPointer)
    {
        const string keyword = "/additionalProperties";
        if (!schemaPointer.EndsWith(keyword, StringComparison.Ordinal)) return [];
        var properties = schema.Document.Resolve(schemaPointer[..^keyword.Length] + "/properties");
        return properties?.Properties.Select(p => p.Name).ToArray() ?? [];
    }

    private static string BuildUnknownFieldHint(string field, IReadOnlyList<string> allowed)
    {
        var close = allowed
            .Select(a => (Name: a, Distance: EditDistance.Between(field.ToLowerInvariant(), a.ToLowerInvariant())))
            .Where(p => p.Distance <= Math.Max(1, field.Length / 4))
            .OrderBy(p => p.Distance)
            .Select(p => p.Name)
            .FirstOrDefault();
        var list = string.Join(", ", allowed);
        return close is null ? $"Allowed fields here: {list}." : $"Did you mean `{close}`? Allowed fields here: {list}.";
    }
}
