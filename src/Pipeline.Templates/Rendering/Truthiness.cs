using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// Which values skip a section (and enter an inverted one): missing, null, false, an empty list
/// and, as in mustache.java, the empty string. Zero and empty objects are truthy.
/// </summary>
internal static class Truthiness
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFalsy(JsonNode? value) => value switch
    {
        null => true,
        JsonArray items => items.Count == 0,
        JsonObject => false,
        _ => IsFalsyScalar((JsonValue)value),
    };

    private static bool IsFalsyScalar(JsonValue scalar) => scalar.GetValueKind() switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => true,
        JsonValueKind.String => scalar.TryGetValue<string>(out var text) ? text.Length == 0 : scalar.ToJsonString() == "\"\"",
        _ => false,
    };
}
