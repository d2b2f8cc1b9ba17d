using System.Globalization;
using System.Text;
using Pipeline.Diagnostics;

namespace Pipeline.Json;

/// <summary>
/// A value of a parsed JSON document, with where it came from. Immutable. Children, positions,
/// pointers, string contents and number texts are made from the document's bytes and token rows
/// when first asked for, which keeps parsing cheap; a value's children are made once, so the same
/// member is always the same <see cref="JsonValue"/> instance.
/// </summary>
public sealed partial class JsonValue
{
    private readonly JsonSource _source;
    private readonly int _offset;
    private readonly int _length;
    private readonly int _index;
    private readonly int _row;
    private readonly JsonKind _kind;
    private readonly bool _flag;

    // Children for containers, the decoded text for strings and numbers: made on first use.
    private object? _payload;

    /// <param name="offset">Byte offset of the value's first character.</param>
    /// <param name="length">For strings, the raw byte length between the quotes; for numbers, the token length; for containers, their rows.</param>
    /// <param name="index">Position among the parent's items or properties; -1 for the root.</param>
    /// <param name="row">The token row in the document.</param>
    /// <param name="flag">The value of a boolean.</param>
    internal JsonValue(JsonSource source, JsonValue? parent, int index, int row, JsonKind kind, int offset, int length, bool flag)
    {
        _source = source;
        Parent = parent;
        _index = index;
        _row = row;
        _kind = kind;
        _offset = offset;
        _length = length;
        _flag = flag;
    }

    public JsonKind Kind => _kind;

    /// <summary>Line and column (1-based, in code points) of the value's first character.</summary>
    public SourcePosition Position => _source.PositionOf(_offset);

    public JsonValue? Parent { get; }

    public string? String => _kind == JsonKind.String ? (string)(_payload ??= _source.Text(_offset, _length)) : null;

    /// <summary>The number exactly as written, when <see cref="Kind"/> is <see cref="JsonKind.Number"/>.</summary>
    public string? NumberText => _kind == JsonKind.Number ? (string)(_payload ??= Encoding.UTF8.GetString(RawNumber)) : null;

    /// <summary>The number as a double (±infinity when out of range), 0 for other kinds.</summary>
    public double Number => _kind == JsonKind.Number
        ? double.Parse(RawNumber, NumberStyles.Float, CultureInfo.InvariantCulture)
        : 0;

    /// <summary>True for numbers with an integral value, so 1.0 and 1e2 count.</summary>
    public bool IsInteger
    {
        get
        {
            if (_kind != JsonKind.Number) return false;
            if (RawNumber.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0) return true;
            var number = Number;
            return double.IsFinite(number) && Math.Floor(number) == number;
        }
    }

    public bool Boolean => _kind == JsonKind.Boolean && _flag;

    // Arrays are handed out as read-only lists without a wrapper: one allocation per container matters
    // when a pull request holds thousands of files.
    public IReadOnlyList<JsonProperty> Properties => _kind == JsonKind.Object ? (JsonProperty[])Children() : [];

    public IReadOnlyList<JsonValue> Items => _kind == JsonKind.Array ? (JsonValue[])Children() : [];

    /// <summary>The object member called <paramref name="name"/> (its last occurrence), or null.</summary>
    public JsonValue? this[string name] => TryGet(name, out var value) ? value : null;

    /// <remarks><paramref name="value"/> is null when this returns false.</remarks>
    public bool TryGet(string name, out JsonValue value)
    {
        if (_kind == JsonKind.Object)
        {
            var properties = (JsonProperty[])Children();
            for (var i = properties.Length - 1; i >= 0; i--)
            {
                if (string.Equals(properties[i].Name, name, StringComparison.Ordinal))
                {
                    value = properties[i].Value;
                    return true;
                }
            }
        }
        value = null!;
        return false;
    }

    /// <summary>The name under which this value sits in its parent object, or null.</summary>
    public string? PropertyName => Parent is { Kind: JsonKind.Object } parent ? parent.Properties[_index].Name : null;

    /// <summary>Position among the parent's items or properties; -1 for the root.</summary>
    public int Index => _index;

    /// <summary>Compact JSON text of the value, cut short past 200 characters; for logs and debugging.</summary>
    public override string ToString() => JsonText.Compact(this, 200);

    internal SourcePosition PositionAt(int offset) => _source.PositionOf(offset);

    private ReadOnlySpan<byte> RawNumber => _source.Bytes.Slice(_offset, _length);

    // Children are made once; when two threads race, both get the winner's, so identity holds.
    private object Children()
    {
        if (_payload is { } made) return made;
        var children = _source.Children(this, _row);
        return Interlocked.CompareExchange(ref _payload, children, null) ?? children;
    }
}
