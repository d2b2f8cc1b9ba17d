using System.Collections;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// The names of the open sections, outermost first, as a persistent list: pushing shares the
/// parent, so every tag of a deeply nested template gets its path without copying.
/// </summary>
internal sealed class SectionPath : IReadOnlyList<string>, IEquatable<SectionPath>
{
    private readonly SectionPath? _parent;
    private readonly string _name;
    private string[]? _names;

    private SectionPath(SectionPath? parent, string name, int count)
    {
        _parent = parent;
        _name = name;
        Count = count;
    }

    public static SectionPath Empty { get; } = new(null, "", 0);

    public int Count { get; }

    /// <summary>The path without its innermost section; the empty path is its own parent.</summary>
    public SectionPath Parent => _parent ?? this;

    public string this[int index] =>
        (uint)index < (uint)Count ? Names()[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public SectionPath Push(string name) => new(this, name, Count + 1);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Names()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SectionPath? other)
    {
        if (other is null || other.Count != Count) return false;
        for (SectionPath? a = this, b = other; a is not null && b is not null; a = a._parent, b = b._parent)
        {
            if (ReferenceEquals(a, b)) return true;
            if (!string.Equals(a._name, b._name, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SectionPath);

    public override int GetHashCode() => HashCode.Combine(Count, _name);

    public override string ToString() => string.Join(" > ", Names());

    // Materialised on first use only; a benign race at worst builds the same array twice.
    private string[] Names()
    {
        if (_names is { } names) return names;
        names = new string[Count];
        var node = this;
        for (var i = Count - 1; i >= 0; i--, node = node._parent!) names[i] = node._name;
        _names = names;
        return names;
    }
}
