using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Sources;

namespace Pipeline.Bumping.Editing;

/// <summary>
/// A JSON file of the revision being bumped, as a tree to edit. A file the bump changes keeps its
/// formatting where the edits are values replaced or items appended (<see cref="JsonSplice"/>);
/// otherwise (a member added, say) it is written back as <see cref="PackageFileText"/> writes
/// package files (2-space indent, ASCII with <c>\uXXXX</c> escapes, members in their order,
/// numbers as written). A file the bump does not change keeps its bytes.
/// </summary>
internal sealed class JsonFile(string name, JsonObject root, ReadOnlyMemory<byte> original)
{
    public string Name { get; } = name;

    public JsonObject Root { get; } = root;

    public bool Changed { get; set; }

    /// <exception cref="BumpRefusal">Not JSON, or not an object.</exception>
    public static JsonFile Parse(BumpedFile file)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(file.Content.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            // Duplicate names are only found when the object is first looked into.
            if (node is JsonObject o) _ = o.Count;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new BumpRefusal($"{file.Name} of the latest revision is not valid JSON ({e.Message}); fix it before bumping");
        }
        if (node is not JsonObject root) throw new BumpRefusal($"{file.Name} of the latest revision is not a JSON object");
        return new JsonFile(file.Name, root, file.Content);
    }

    /// <summary>The edited file: the original bytes with the edits spliced in where they can be, else written whole.</summary>
    public BumpedFile ToFile() => new(Name, JsonSplice.Apply(original, Root) ?? PackageFileText.Json(Root));

    /// <summary>
    /// The JSON value <paramref name="text"/> parses to, else the text as a string. A number is
    /// kept as text unless the value it replaces is a number: <c>minDcosReleaseVersion=1.12</c>
    /// means the string "1.12", as versions are strings, while a numeric default stays numeric.
    /// </summary>
    public static JsonNode? ValueOf(string text, JsonNode? replaced)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
        var isNumber = parsed is JsonValue value && value.GetValueKind() == JsonValueKind.Number;
        var replacesNumber = replaced is JsonValue old && old.GetValueKind() == JsonValueKind.Number;
        return isNumber && !replacesNumber ? JsonValue.Create(text) : parsed;
    }

    /// <summary>The object member at a dotted path, made with its parents when missing; null when a step is not an object.</summary>
    public static (JsonObject Parent, string Member)? Locate(JsonObject root, string dottedPath)
    {
        var steps = dottedPath.Split('.');
        if (steps.Any(s => s.Length == 0)) return null;
        var current = root;
        foreach (var step in steps[..^1])
        {
            switch (current[step])
            {
                case JsonObject next:
                    current = next;
                    break;
                case null when !current.ContainsKey(step):
                    var made = new JsonObject();
                    current[step] = made;
                    current = made;
                    break;
                default:
                    return null;
            }
        }
        return (current, steps[^1]);
    }
}
