using System.Text.Json.Nodes;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;

namespace Pipeline.Json.Defaults;

/// <summary>
/// The options object Cosmos would build from a package's config.json schema: every <c>default</c>
/// under <c>properties</c>, recursively. An object property with nested defaults yields an object even
/// without a default of its own; an explicit object default is the base and nested defaults fill the
/// keys it lacks. With placeholders, every required property still without a value gets a stand-in of
/// its declared type (see <see cref="Placeholders"/>), so templates can be rendered as if configured.
/// </summary>
/// <remarks>
/// Defaults come from <c>properties</c> only: Cosmos's <c>JsonSchema.extractDefaultsFromSchema</c>
/// reads each property's <c>default</c> (else its nested <c>properties</c>) and nothing else. It
/// does not look into <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branches, and it does not follow
/// <c>$ref</c>: a default inside a referenced definition is never applied on DC/OS (one written
/// beside the <c>$ref</c> is). Rendering must give what DC/OS gives, so neither is applied here.
/// Required-ness, on the other hand, is read through composition (<see cref="OptionTree"/>): it
/// decides the placeholders, which stand for what an operator must give, not for what Cosmos fills in.
/// </remarks>
public static class OptionDefaults
{
    public static JsonObject Build(JsonDatum configSchema, bool placeholders)
    {
        ArgumentNullException.ThrowIfNull(configSchema);
        return Build(configSchema, placeholders ? OptionTree.Read(configSchema) : null);
    }

    /// <summary>The defaults, with placeholders for the required options of <paramref name="options"/> when given.</summary>
    public static JsonObject Build(OptionTree options, bool placeholders)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Build(options.Schema, placeholders ? options : null);
    }

    private static JsonObject Build(JsonDatum configSchema, OptionTree? placeholders)
    {
        var plain = placeholders is { IsPlain: true };
        var defaults = new DefaultsWalk(plainPlaceholders: plain);
        var root = plain ? null : placeholders?.Root;
        return defaults.ValueOf(configSchema, 0, root) is (true, JsonObject options) ? options : defaults.Members(configSchema, 0, root);
    }
}
