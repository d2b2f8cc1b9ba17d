using System.Text.Json.Nodes;

namespace Pipeline.Json.Defaults;

/// <summary>
/// The members of an object being built, in order, to become a <see cref="JsonObject"/> made at its
/// final size. When the schema repeats a property name, setting it again replaces its value in place,
/// as a JsonObject would.
/// </summary>
internal sealed class MemberList
{
    // Up to this many members a JsonObject filled one by one is no bigger than one made at its size.
    private const int Small = 3;

    private readonly List<KeyValuePair<string, JsonNode?>> _entries = [];
    private Dictionary<string, int>? _index;

    public List<KeyValuePair<string, JsonNode?>> Entries => _entries;

    /// <param name="mayRepeat">Whether <paramref name="name"/> may already be there: only when the schema repeats names.</param>
    public void Set(string name, JsonNode? value, bool mayRepeat)
    {
        if (mayRepeat)
        {
            _index ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (_index.TryGetValue(name, out var at))
            {
                _entries[at] = new(_entries[at].Key, value);
                return;
            }
            _index[name] = _entries.Count;
        }
        _entries.Add(new(name, value));
    }

    /// <summary>The members as a JsonObject; the list is then empty for the next object.</summary>
    public JsonObject ToObject()
    {
        JsonObject made;
        if (_entries.Count <= Small)
        {
            made = [];
            foreach (var (name, value) in _entries) made.Add(name, value);
        }
        else
        {
            made = new JsonObject(_entries);
        }
        Clear();
        return made;
    }

    public void Clear()
    {
        _entries.Clear();
        _index = null;
    }
}
