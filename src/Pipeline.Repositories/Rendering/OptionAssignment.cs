using System.Text.Json.Nodes;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// A <c>--set path=value</c>: a dotted option path and its value, JSON when the text parses as
/// JSON (<c>3</c>, <c>true</c>, <c>["a"]</c>, <c>"x"</c>), else the text as a string.
/// </summary>
public sealed record OptionAssignment(IReadOnlyList<string> Path, JsonNode? Value)
{
    /// <summary>Parses <c>path=value</c>; null with the reason when there is no '=' or a path segment is empty.</summary>
    public static OptionAssignment? Parse(string text, out string? problem)
    {
        problem = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            problem = $"`{text}` is not path=value (e.g. service.name=web or service.cpus=2)";
            return null;
        }
        var path = text[..equals].Split('.');
        if (path.Any(segment => segment.Length == 0))
        {
            problem = $"`{text[..equals]}` is not an option path: segments are separated by single dots";
            return null;
        }
        var raw = text[(equals + 1)..];
        var value = raw.Length == 0 ? null : PackageFacts.TryParse(System.Text.Encoding.UTF8.GetBytes(raw));
        // "null" parses to a null node on purpose; anything else that did not parse is a string.
        var parsed = value is not null || raw.Trim() == "null" ? value : JsonValue.Create(raw);
        return new OptionAssignment(path, parsed);
    }

    /// <summary>The assignment as an object to merge: <c>a.b=1</c> → <c>{"a": {"b": 1}}</c>.</summary>
    public JsonObject ToObject()
    {
        JsonNode? node = Value?.DeepClone();
        for (var i = Path.Count - 1; i >= 0; i--) node = new JsonObject { [Path[i]] = node };
        return (JsonObject)node!;
    }
}
