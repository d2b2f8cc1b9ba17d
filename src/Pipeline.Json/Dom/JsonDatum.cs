using System.Globalization;
using System.Text;
using Pipeline.Diagnostics;

namespace Pipeline.Json.Dom;

/// <summary>
/// A value of a parsed JSON document, with where it came from. Immutable. Children, positions,
/// pointers, string contents and number texts are made from the document's bytes and token rows
/// when first asked for, which keeps parsing cheap; a value's children are made once, so the same
/// member is always the same <see cref="JsonDatum"/> instance.
/// </summary>
public sealed partial class JsonDatum
{
    private readonly JsonSource _source;
    private readonly string? _name;
    private readonly int _index;
    private readonly int _row;
    private readonly JsonKind _kind;
    private readonly bool _flag;

    // Made on first use: the decoded text for strings and numbers; for arrays the items; for objects
    // the members (values that know their names), and once the public list of properties is asked
    // for, an ObjectMembers holding both.
    private object? _payload;

    /// <param name="name">The member name, for a value in an object.</param>
    /// <param name="index">Position among the parent's items or properties; -1 for the root.</param>
    /// <param name="row">The token row in the document, which says where the value is and how long.</param>
    /// <param name="flag">The value of a boolean.</param>
    internal JsonDatum(JsonSource source, JsonDatum? parent, string? name, int index, int row, JsonKind kind, bool flag)
    {
        _source = source;
        Parent = parent;
        _name = name;
        _index = index;
        _row = row;
        _kind = kind;
        _flag = flag;
    }

    public JsonKind Kind => _kind;

    /// <summary>Line and column (1-based, in code points) of the value's first character.</summary>
    public SourcePosition Position => _source.PositionOf(_source.RowAt(_row).Offset);

    public JsonDatum? Parent { get; }

    public string? String => _kind == JsonKind.String ? (string)(_payload ??= Decode()) : null;

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
    public IReadOnlyList<JsonMember> Properties => _kind == JsonKind.Object ? PropertyList() : [];

    public IReadOnlyList<JsonDatum> Items => _kind == JsonKind.Array ? Children() : [];

    /// <summary>
    /// The members of an object, each knowing its <see cref="PropertyName"/>, as the array they are kept
    /// in: for loops that need neither a <see cref="JsonMember"/> per member nor an enumerator. Empty
    /// for other kinds.
    /// </summary>
    internal JsonDatum[] MemberArray => _kind == JsonKind.Object ? Children() : [];

    /// <summary>The items of an array as the array they are kept in; empty for other kinds.</summary>
    internal JsonDatum[] ItemArray => _kind == JsonKind.Array ? Children() : [];

    /// <summary>The member name of a value taken from <see cref="MemberArray"/>.</summary>
    internal string MemberName => _name!;

    /// <summary>Where the member name of a value in an object starts; the value's own position elsewhere.</summary>
    internal SourcePosition NamePosition => _name is not null && Parent is { Kind: JsonKind.Object }
        ? _source.PositionOf(_source.RowAt(_row - 1).Offset)
        : Position;

    /// <summary>Whether this object repeats a member name (the parser reported it).</summary>
    internal bool HasDuplicateNames => _kind == JsonKind.Object && _source.HasDuplicateNames(_row);

    /// <summary>Whether the bytes of the whole document this value belongs to contain <paramref name="text"/> anywhere.</summary>
    internal bool DocumentContains(ReadOnlySpan<byte> text) => _source.Bytes.IndexOf(text) >= 0;

    /// <summary>The token row of this value: unique within its document, so it can index per-document tables.</summary>
    internal int Row => _row;

    /// <summary>How many token rows this value and everything inside it take: its descendants' rows follow its own.</summary>
    internal int RowSpan => _kind is JsonKind.Object or JsonKind.Array ? _source.RowAt(_row).Length : 1;

    /// <summary>The object member called <paramref name="name"/> (its last occurrence), or null.</summary>
    public JsonDatum? this[string name] => TryGet(name, out var value) ? value : null;

    /// <remarks><paramref name="value"/> is null when this returns false.</remarks>
    public bool TryGet(string name, out JsonDatum value)
    {
        if (_kind == JsonKind.Object)
        {
            var members = Children();
            for (var i = members.Length - 1; i >= 0; i--)
            {
                if (string.Equals(members[i]._name, name, StringComparison.Ordinal))
                {
                    value = members[i];
                    return true;
                }
            }
        }
        value = null!;
        return false;
    }

    /// <summary>The name under which this value sits in its parent object, or null.</summary>
    public string? PropertyName => Parent is { Kind: JsonKind.Object } ? _name : null;

    /// <summary>Position among the parent's items or properties; -1 for the root.</summary>
    public int Index => _index;

    /// <summary>Whether two values are equal as JSON Schema defines it: numbers by value (1 equals 1.0), objects regardless of member order.</summary>
    public static bool JsonEquals(JsonDatum left, JsonDatum right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return JsonEquality.Equal(left, right);
    }

    /// <summary>Compact JSON text of the value, cut short past 200 characters; for logs and debugging.</summary>
    public override string ToString() => JsonText.Compact(this, 200);

    internal SourcePosition PositionAt(int offset) => _source.PositionOf(offset);

    /// <summary>The UTF-8 text of the token; what a number is written as, when <see cref="Kind"/> is <see cref="JsonKind.Number"/>.</summary>
    internal ReadOnlySpan<byte> RawNumber
    {
        get
        {
            var row = _source.RowAt(_row);
            return _source.Bytes.Slice(row.Offset, row.Length);
        }
    }

    private string Decode()
    {
        var row = _source.RowAt(_row);
        return _source.Text(row.Offset, row.Length);
    }

    // Children are made once; when two threads race, both get the winner's, so identity holds.
    private JsonDatum[] Children()
    {
        switch (_payload)
        {
            case JsonDatum[] made:
                return made;
            case ObjectMembers members:
                return members.Values;
        }
        var children = _source.Children(this, _row);
        return Interlocked.CompareExchange(ref _payload, children, null) switch
        {
            JsonDatum[] won => won,
            ObjectMembers members => members.Values,
            _ => children,
        };
    }

    private JsonMember[] PropertyList()
    {
        if (_payload is ObjectMembers ready) return ready.Properties;
        var values = Children();
        if (values.Length == 0) return [];
        var properties = new JsonMember[values.Length];
        for (var i = 0; i < values.Length; i++) properties[i] = new JsonMember(values[i]._name!, values[i], _source.RowAt(values[i]._row - 1).Offset);
        var members = new ObjectMembers(values, properties);
        return Interlocked.CompareExchange(ref _payload, members, values) is ObjectMembers won ? won.Properties : properties;
    }

    /// <summary>An object's members both ways: as values, and as the properties of the public API.</summary>
    private sealed class ObjectMembers(JsonDatum[] values, JsonMember[] properties)
    {
        public JsonDatum[] Values { get; } = values;

        public JsonMember[] Properties { get; } = properties;
    }
}
