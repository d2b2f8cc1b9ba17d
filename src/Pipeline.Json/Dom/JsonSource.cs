using System.Text.Json;
using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;
using Pipeline.Json.Text;

namespace Pipeline.Json.Dom;

/// <summary>
/// One parsed document: its UTF-8 bytes and its token rows. <see cref="JsonDatum"/>s are made from
/// rows only when a container's children are first asked for; positions are worked out only when
/// asked for, from a table of line starts built on first use.
/// </summary>
internal sealed class JsonSource(ReadOnlyMemory<byte> memory, int start)
{
    private int[]? _lineStarts;
    private Row[] _rows = [];

    // The rows of the objects that repeat a member name; null in nearly every document.
    private HashSet<int>? _repeatingObjects;

    public ReadOnlySpan<byte> Bytes => memory.Span;

    /// <summary>Where the JSON text begins (3 after a byte order mark, else 0).</summary>
    public int Start { get; } = start;

    public SourcePosition PositionOf(int offset)
    {
        var bytes = Bytes;
        var lineStarts = _lineStarts ??= LineStarts.Of(bytes, Start);
        offset = Math.Clamp(offset, Start, bytes.Length);
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0) line = ~line - 1;
        var column = 1 + CodePoints.Count(bytes[lineStarts[line]..offset]);
        return new SourcePosition(line + 1, column);
    }

    /// <summary>The byte offset of a 0-based line, as counted by <see cref="Utf8JsonReader"/>.</summary>
    public int LineStart(long line)
    {
        var lineStarts = _lineStarts ??= LineStarts.Of(Bytes, Start);
        return lineStarts[(int)Math.Clamp(line, 0, lineStarts.Length - 1)];
    }

    /// <summary>Called while parsing, for an object found to repeat a member name.</summary>
    public void NoteDuplicateNames(int objectRow) => (_repeatingObjects ??= []).Add(objectRow);

    public bool HasDuplicateNames(int objectRow) => _repeatingObjects?.Contains(objectRow) == true;

    public JsonDatum Root(Row[] rows)
    {
        _rows = rows;
        return Value(Bytes, 0, null, null, -1);
    }

    /// <summary>One token row of the document.</summary>
    public Row RowAt(int row) => _rows[row];

    /// <summary>The children of a container: its items, or its members (values that know their names).</summary>
    public JsonDatum[] Children(JsonDatum container, int row)
    {
        var bytes = Bytes;
        var rows = _rows;
        var end = row + rows[row].Length;
        if (container.Kind == JsonKind.Object)
        {
            var count = 0;
            for (var at = row + 1; at < end; at += 1 + rows[at + 1].Extent(bytes)) count++;
            if (count == 0) return [];

            var names = PropertyNameCache.Current;
            var members = new JsonDatum[count];
            for (int i = 0, at = row + 1; i < count; i++, at += 1 + rows[at + 1].Extent(bytes))
            {
                members[i] = Value(bytes, at + 1, container, Name(rows[at], names), i);
            }
            return members;
        }
        else
        {
            var count = 0;
            for (var at = row + 1; at < end; at += rows[at].Extent(bytes)) count++;
            if (count == 0) return [];

            var items = new JsonDatum[count];
            for (int i = 0, at = row + 1; i < count; i++, at += rows[at].Extent(bytes)) items[i] = Value(bytes, at, container, null, i);
            return items;
        }
    }

    /// <summary>The text of a string or name token starting with its quote.</summary>
    public string Text(int quoteOffset, int rawLength) => JsonEscapes.Unescape(Bytes.Slice(quoteOffset + 1, rawLength));

    /// <summary>A property name, shared with earlier occurrences of the same name when it has no escapes.</summary>
    public string Name(Row name, PropertyNameCache names)
    {
        var raw = Bytes.Slice(name.Offset + 1, name.Length);
        return raw.Contains((byte)'\\') ? Text(name.Offset, name.Length) : names.Get(raw);
    }

    private JsonDatum Value(ReadOnlySpan<byte> bytes, int row, JsonDatum? parent, string? name, int index)
    {
        var first = bytes[_rows[row].Offset];
        var kind = first switch
        {
            (byte)'{' => JsonKind.Object,
            (byte)'[' => JsonKind.Array,
            (byte)'"' => JsonKind.String,
            (byte)'t' or (byte)'f' => JsonKind.Boolean,
            (byte)'n' => JsonKind.Null,
            _ => JsonKind.Number,
        };
        return new JsonDatum(this, parent, name, index, row, kind, first == (byte)'t');
    }
}
