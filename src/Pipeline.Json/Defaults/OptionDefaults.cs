using System.Text.Json.Nodes;

namespace Pipeline.Json;

/// <summary>
/// The options object Cosmos would build from a package's config.json schema: every <c>default</c>
/// under <c>properties</c>, recursively. An object property with nested defaults yields an object even
/// without a default of its own; an explicit object default is the base and nested defaults fill the
/// keys it lacks. With placeholders, every required property still without a value gets a stand-in of
/// its declared type (see <see cref="Placeholders"/>), so templates can be rendered as if configured.
/// </summary>
public static class OptionDefaults
{
    public static JsonObject Build(JsonValue configSchema, bool placeholders)
    {
        ArgumentNullException.ThrowIfNull(configSchema);
        var defaults = new DefaultsWalk(placeholders);
        return defaults.ValueOf(configSchema, 0) is (true, JsonObject options) ? options : defaults.Members(configSchema, 0);
    }
}
