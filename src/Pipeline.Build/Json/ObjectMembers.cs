using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Pipeline.Build.Json;

/// <summary>One member of a JSON object: the property where its name first appears, and its value.</summary>
internal readonly record struct ObjectMember(JsonProperty Property, JsonElement Value)
{
    public bool NameIs(ReadOnlySpan<byte> asciiName) => JsonElementText.NameEquals(Property, asciiName);
}

/// <summary>
/// The members of a JSON object as Python's <c>json.load</c> sees them. A repeated name keeps the
/// place of its first occurrence and the value of its last, as a dict does; Universe's files are
/// built from such dicts, and a few real package files do repeat keys. Documents without repeated
/// names (nearly all) are enumerated directly, without allocating.
/// </summary>
internal readonly struct ObjectMembers
{
    private readonly JsonElement _object;
    private readonly List<ObjectMember>? _deduplicated;

    private ObjectMembers(JsonElement obj, List<ObjectMember>? deduplicated)
    {
        _object = obj;
        _deduplicated = deduplicated;
    }

    /// <param name="obj">A JSON object.</param>
    /// <param name="mayRepeatNames">Whether the document holding it has repeated names anywhere.</param>
    public static ObjectMembers Of(JsonElement obj, bool mayRepeatNames) =>
        new(obj, mayRepeatNames ? Deduplicate(obj) : null);

    /// <summary>The value of the member named <paramref name="asciiName"/> (its last occurrence).</summary>
    public static bool TryGet(JsonElement obj, ReadOnlySpan<byte> asciiName, out JsonElement value)
    {
        var found = false;
        value = default;
        foreach (var property in obj.EnumerateObject())
        {
            if (!JsonElementText.NameEquals(property, asciiName)) continue;
            value = property.Value;
            found = true;
        }
        return found;
    }

    private static List<ObjectMember> Deduplicate(JsonElement obj)
    {
        var members = new List<ObjectMember>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var name = JsonElementText.NameOf(property);
            if (names.TryGetValue(name, out var index))
            {
                members[index] = members[index] with { Value = property.Value };
                continue;
            }
            names.Add(name, members.Count);
            members.Add(new ObjectMember(property, property.Value));
        }
        return members;
    }

    public Enumerator GetEnumerator() => new(_object, _deduplicated);

    public struct Enumerator
    {
        private JsonElement.ObjectEnumerator _properties;
        private readonly List<ObjectMember>? _deduplicated;
        private int _index;

        internal Enumerator(JsonElement obj, List<ObjectMember>? deduplicated)
        {
            _deduplicated = deduplicated;
            _properties = deduplicated is null ? obj.EnumerateObject() : default;
            _index = -1;
            Current = default;
        }

        public ObjectMember Current { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool MoveNext()
        {
            if (_deduplicated is not null)
            {
                if (++_index >= _deduplicated.Count) return false;
                Current = _deduplicated[_index];
                return true;
            }
            if (!_properties.MoveNext()) return false;
            var property = _properties.Current;
            Current = new ObjectMember(property, property.Value);
            return true;
        }
    }
}
