using System.Text.Json.Nodes;
using Pipeline.Json.Defaults;
using Pipeline.Json.Nodes;
using Pipeline.Json;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// The options of one render: <see cref="User"/> is what the user gave (each options file, then
/// each --set, deep-merged in that order) and <see cref="Merged"/> the same over the schema's
/// defaults — what the templates see and the schema validates.
/// </summary>
public sealed record PackageOptions(JsonObject User, JsonObject Merged)
{
    /// <param name="config">The options schema (config.json), or null when the package has none.</param>
    /// <param name="placeholders">Give required options without a default a stand-in of their type (validation's mode).</param>
    public static PackageOptions Build(JsonObject? config, IEnumerable<JsonObject> files, IEnumerable<OptionAssignment> assignments, bool placeholders = false)
    {
        var user = new JsonObject();
        foreach (var file in files) user = JsonMerge.Merge(user, file);
        foreach (var assignment in assignments) user = JsonMerge.Merge(user, assignment.ToObject());
        var defaults = config is not null && SchemaValue.Of(config) is { } schema
            ? OptionDefaults.Build(schema, placeholders)
            : new JsonObject();
        return new PackageOptions(user, JsonMerge.Merge(defaults, user));
    }
}
