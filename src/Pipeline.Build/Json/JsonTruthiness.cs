using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pipeline.Build.Json;

/// <summary>
/// Python's truth value of a parsed JSON value. Universe adds <c>resource</c>, <c>config</c> and
/// <c>command</c> to a package only <c>if</c> the file's content is truthy, so an empty object in
/// resource.json leaves the field out of the repository.
/// </summary>
internal static class JsonTruthiness
{
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().MoveNext(),
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.String => JsonMarshal.GetRawUtf8Value(value).Length > 2,
        JsonValueKind.Number => !value.TryGetDouble(out var number) || number != 0,
        JsonValueKind.True => true,
        _ => false,
    };
}
