using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests;

/// <summary>Shorthands for the inputs tests start from.</summary>
internal static class Given
{
    /// <summary>Parses text that must be valid JSON.</summary>
    public static JsonDatum Json(string text)
    {
        var result = JsonParser.Parse(text);
        result.Problems.Should().BeEmpty();
        return result.Root!;
    }

    /// <summary>Loads a schema that must load without problems.</summary>
    public static JsonSchema Schema(string text)
    {
        var result = JsonSchema.Load(Json(text));
        result.Problems.Should().BeEmpty();
        return result.Schema!;
    }

    public static IReadOnlyList<SchemaError> Errors(string schema, string instance) => Schema(schema).Validate(Json(instance));

    public static IReadOnlyList<string> Messages(string schema, string instance) => [.. Errors(schema, instance).Select(e => e.Message)];
}
