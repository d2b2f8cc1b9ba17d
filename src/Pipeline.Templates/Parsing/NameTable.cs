using System.Runtime.CompilerServices;
using Pipeline.Templates.Rendering;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Tag names and their dot-separated segments, each distinct one made into a string and a
/// <see cref="NamePath"/> once, looked up by span so that a repeat allocates nothing. Templates
/// repeat "service", "name" and whole names over and over, within and across packages. What it
/// hands out is immutable, so templates may share it. Open addressing over a power-of-two table.
/// </summary>
internal sealed class NameTable
{
    // A table holding more than this is replaced rather than kept for further templates.
    private const int MaxKeptEntries = 1 << 13;
    private const int MaxKeptChars = 1 << 20;

    private Entry[] _entries = new Entry[32];
    private int _count;
    private long _chars;

    /// <summary>True when the table has grown too big to keep for further templates.</summary>
    public bool IsOversized => _count > MaxKeptEntries || _chars > MaxKeptChars;

    /// <summary>The path a tag name denotes, the same instance for every tag with that name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NamePath PathOf(ReadOnlySpan<char> name)
    {
        if (name is ".") return NamePath.Current;
        var index = IndexOf(name);
        return _entries[index].Path ?? NewPath(index, name);
    }

    private NamePath NewPath(int index, ReadOnlySpan<char> name)
    {
        var full = _entries[index].Text!;
        var path = new NamePath(full, Segments(full));
        // Splitting may have grown the table, so the entry is found again rather than kept by
        // reference, and its index is taken before the (possibly new) array is read.
        index = IndexOf(name);
        _entries[index].Path = path;
        return path;
    }

    /// <summary>The one string with these characters.</summary>
    public string TextOf(ReadOnlySpan<char> text)
    {
        var index = IndexOf(text);
        return _entries[index].Text!;
    }

    // Like full.Split('.'), with each segment shared.
    private string[] Segments(string full)
    {
        var count = full.AsSpan().Count('.') + 1;
        if (count == 1) return [full];
        var segments = new string[count];
        var rest = full.AsSpan();
        for (var i = 0; i < count - 1; i++)
        {
            var dot = rest.IndexOf('.');
            segments[i] = TextOf(rest[..dot]);
            rest = rest[(dot + 1)..];
        }
        segments[^1] = TextOf(rest);
        return segments;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int IndexOf(ReadOnlySpan<char> text)
    {
        if (_count * 2 >= _entries.Length) Grow();
        var hash = string.GetHashCode(text);
        var mask = _entries.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Text is null)
            {
                entry = new Entry { Text = text.ToString(), Hash = hash };
                _count++;
                _chars += text.Length;
                return i;
            }
            if (entry.Hash == hash && text.SequenceEqual(entry.Text)) return i;
        }
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Text is null) continue;
            var i = entry.Hash & mask;
            while (_entries[i].Text is not null) i = (i + 1) & mask;
            _entries[i] = entry;
        }
    }

    private struct Entry
    {
        public string? Text;
        public int Hash;
        public NamePath? Path;
    }
}
