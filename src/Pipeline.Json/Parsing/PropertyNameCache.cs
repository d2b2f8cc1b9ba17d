using System.Text;

namespace Pipeline.Json.Parsing;

/// <summary>
/// Reuses the strings of property names seen before on this thread. Manifests repeat the same few
/// dozen names ("type", "description", "default") thousands of times, so most names cost no allocation.
/// </summary>
internal sealed class PropertyNameCache
{
    private const int Size = 1024;
    private const int LongestCached = 64;

    [ThreadStatic]
    private static PropertyNameCache? t_current;

    private readonly byte[]?[] _utf8 = new byte[Size][];
    private readonly string[] _names = new string[Size];

    public static PropertyNameCache Current => t_current ??= new PropertyNameCache();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > LongestCached) return Encoding.UTF8.GetString(utf8);

        var slot = (int)(Hash(utf8) & (Size - 1));
        if (_utf8[slot] is { } cached && utf8.SequenceEqual(cached)) return _names[slot];

        var name = Encoding.UTF8.GetString(utf8);
        _utf8[slot] = utf8.ToArray();
        _names[slot] = name;
        return name;
    }

    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8) hash = (hash ^ b) * 16777619u;
        return hash ^ (hash >> 15);
    }
}
