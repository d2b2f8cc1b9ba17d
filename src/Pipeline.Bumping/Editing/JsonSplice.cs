using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Json.Dom;

namespace Pipeline.Bumping.Editing;

/// <summary>
/// Writes an edited JSON file by changing only the bytes of what changed, so a reviewer's diff
/// shows the edit and nothing else: a value replaced in place, items appended to an array after
/// its last item with the separator the array already uses. Anything else (a member added or
/// removed, a value changing between container and primitive) cannot be spliced, and null says so.
/// </summary>
internal static class JsonSplice
{
    private static readonly JsonSerializerOptions Ascii = new() { Encoder = JavaScriptEncoder.Default };

    /// <returns>The new bytes, or null when the edit is not a splice.</returns>
    public static byte[]? Apply(ReadOnlyMemory<byte> original, JsonNode edited)
    {
        var spans = Spans(original.Span);
        using var document = JsonDocument.Parse(original);
        var edits = new List<(int Start, int End, string Text)>();
        if (!Compare(document.RootElement, edited, "", spans, original, edits)) return null;
        var bytes = original.ToArray();
        // Back to front, so each edit's offsets still hold; an append at an item's end goes before that item's replacement.
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start).ThenBy(e => e.End - e.Start))
        {
            bytes = [.. bytes.AsSpan(0, start), .. Encoding.UTF8.GetBytes(text), .. bytes.AsSpan(end)];
        }
        return bytes;
    }

    private static bool Compare(JsonElement before, JsonNode? after, string pointer, Dictionary<string, (int Start, int End)> spans, ReadOnlyMemory<byte> text, List<(int, int, string)> edits)
    {
        switch (before.ValueKind, after)
        {
            case (JsonValueKind.Object, JsonObject members):
                var names = before.EnumerateObject().Select(p => p.Name).ToArray();
                if (!names.SequenceEqual(members.Select(m => m.Key), StringComparer.Ordinal)) return false;
                return names.All(name => Compare(before.GetProperty(name), members[name], $"{pointer}/{JsonPointer.Escape(name)}", spans, text, edits));
            case (JsonValueKind.Array, JsonArray items):
                var count = before.GetArrayLength();
                if (items.Count < count) return false;
                for (var i = 0; i < count; i++)
                {
                    if (!Compare(before[i], items[i], $"{pointer}/{i}", spans, text, edits)) return false;
                }
                if (items.Count == count) return true;
                var added = items.Skip(count).Select(Raw).ToArray();
                var (start, end) = spans[pointer];
                if (count == 0)
                {
                    edits.Add((start, end, $"[{string.Join(", ", added)}]"));
                    return true;
                }
                var last = spans[$"{pointer}/{count - 1}"];
                var separator = count >= 2 ? Encoding.UTF8.GetString(text.Span[spans[$"{pointer}/{count - 2}"].End..last.Start]) : OneItemSeparator(text.Span[(start + 1)..last.Start]);
                edits.Add((last.End, last.End, string.Concat(added.Select(a => separator + a))));
                return true;
            case (JsonValueKind.Object or JsonValueKind.Array, _):
                return false;
            case (_, JsonObject or JsonArray):
                return false;
            default:
                // By meaning, not by text: the writer escapes differently from the author (\u0027 for
                // an apostrophe, upper-case hex), and an unchanged value must keep its bytes.
                if (!JsonNode.DeepEquals(JsonNode.Parse(before.GetRawText()), after))
                {
                    var span = spans[pointer];
                    edits.Add((span.Start, span.End, Raw(after)));
                }
                return true;
        }
    }

    private static string Raw(JsonNode? node) => node is null ? "null" : node.ToJsonString(Ascii);

    /// <summary>Where each value of the document starts and ends, by JSON Pointer.</summary>
    private static Dictionary<string, (int Start, int End)> Spans(ReadOnlySpan<byte> utf8)
    {
        var spans = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        var open = new Stack<(string Pointer, int Start, bool Array, int Next)>();
        string? name = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                name = reader.GetString();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                var closed = open.Pop();
                spans[closed.Pointer] = (closed.Start, (int)reader.BytesConsumed);
                continue;
            }
            var pointer = "";
            if (open.Count > 0)
            {
                var parent = open.Pop();
                pointer = parent.Array ? $"{parent.Pointer}/{parent.Next}" : $"{parent.Pointer}/{JsonPointer.Escape(name!)}";
                open.Push(parent with { Next = parent.Next + 1 });
            }
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) open.Push((pointer, start, reader.TokenType == JsonTokenType.StartArray, 0));
            else spans[pointer] = (start, (int)reader.BytesConsumed);
        }
        return spans;
    }

    /// <summary>
    /// The separator for an array of one item: the item on its own line (the layout after '[')
    /// gets the next one on its own line too; an array on one line gets ", ".
    /// </summary>
    private static string OneItemSeparator(ReadOnlySpan<byte> beforeItem)
    {
        var layout = Encoding.UTF8.GetString(beforeItem);
        return layout.Contains('\n', StringComparison.Ordinal) ? "," + layout : ", ";
    }
}
