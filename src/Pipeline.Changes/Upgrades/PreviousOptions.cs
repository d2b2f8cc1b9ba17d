using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// The evidence behind the upgrade rules: the options an operator of the previous revision has —
/// its defaults plus a placeholder for every required option without one — with the new
/// revision's defaults merged under them, as Cosmos does on <c>dcos package update</c> (the
/// operator's values win), validated against the new config.json.
/// </summary>
internal sealed class PreviousOptions
{
    private PreviousOptions(JsonObject options, IReadOnlyList<SchemaError> failures)
    {
        Options = options;
        Failures = failures;
    }

    /// <summary>The merged options the new revision is updated with.</summary>
    public JsonObject Options { get; }

    /// <summary>How the new schema rejects them, less what the previous schema already rejected in the previous options.</summary>
    public IReadOnlyList<SchemaError> Failures { get; }

    /// <param name="previous">The previous config.json; null when the previous revision had none (operators had no options).</param>
    /// <param name="previousSchema">It loaded as a schema; null with it.</param>
    public static PreviousOptions Check(JsonDatum? previous, JsonSchema? previousSchema, JsonDatum next, JsonSchema nextSchema)
    {
        var operators = previous is null ? new JsonObject() : OptionDefaults.Build(previous, placeholders: true);
        // A failure the previous revision's own options already had (an invalid default of its
        // own, a gate default) is not the upgrade's doing.
        var before = new HashSet<(string, string, string?)>();
        if (previousSchema is not null && Parse(operators) is { } previousInstance)
        {
            foreach (var failure in previousSchema.Validate(previousInstance)) before.Add((failure.InstancePointer, failure.Keyword, failure.Field));
        }
        var merged = Merge(operators, OptionDefaults.Build(next, placeholders: false));
        var failures = Parse(merged) is { } instance
            ? nextSchema.Validate(instance).Where(f => !before.Contains((f.InstancePointer, f.Keyword, f.Field))).ToArray()
            : [];
        return new PreviousOptions(merged, failures);
    }

    /// <summary>
    /// The dotted option path a failure is about (<c>service.cpus</c>, array items as
    /// <c>volumes[].size</c>): its instance pointer, and for <c>required</c> the missing name.
    /// </summary>
    public string OptionOf(SchemaError failure)
    {
        var path = new System.Text.StringBuilder();
        JsonNode? at = Options;
        if (JsonPointer.TryParse(failure.InstancePointer, out var segments))
        {
            foreach (var segment in segments)
            {
                if (at is JsonArray array)
                {
                    path.Append("[]");
                    at = int.TryParse(segment, out var index) && index >= 0 && index < array.Count ? array[index] : null;
                    continue;
                }
                if (path.Length > 0) path.Append('.');
                path.Append(segment);
                at = at is JsonObject map ? map[segment] : null;
            }
        }
        if (failure.Keyword == "required" && failure.Field is { } missing)
        {
            if (path.Length > 0) path.Append('.');
            path.Append(missing);
        }
        return path.ToString();
    }

    /// <summary>The previous options over the new defaults: objects merged member by member, any other value of the operator's kept whole.</summary>
    private static JsonObject Merge(JsonObject operators, JsonObject defaults)
    {
        var merged = (JsonObject)operators.DeepClone();
        var pending = new Stack<(JsonObject Into, JsonObject From)>();
        pending.Push((merged, defaults));
        while (pending.Count > 0)
        {
            var (into, from) = pending.Pop();
            foreach (var (name, value) in from.ToArray())
            {
                if (!into.ContainsKey(name)) into[name] = value?.DeepClone();
                else if (into[name] is JsonObject inner && value is JsonObject more) pending.Push((inner, more));
            }
        }
        return merged;
    }

    private static JsonDatum? Parse(JsonObject options)
    {
        // Straight to UTF-8: the options are only validated, never shown.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer)) options.WriteTo(writer);
        return JsonParser.Parse(buffer.WrittenMemory).Root;
    }
}
