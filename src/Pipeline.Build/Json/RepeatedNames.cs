using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Pipeline.Json.Text;

namespace Pipeline.Build.Json;

/// <summary>
/// Finds whether any object in a document repeats a member name, by comparing hashes of the names'
/// bytes. A hash collision reads as a repeat, which only sends the document down the slower path
/// that resolves repeats (<see cref="ObjectMembers"/>); a real repeat is never missed.
/// </summary>
internal static class RepeatedNames
{
    private const int StackLimit = 128;

    public static bool Anywhere(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (InObject(value)) return true;
                foreach (var property in value.EnumerateObject())
                {
                    if (Anywhere(property.Value)) return true;
                }
                return false;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (Anywhere(item)) return true;
                }
                return false;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool InObject(JsonElement obj)
    {
        var count = obj.GetPropertyCount();
        if (count < 2) return false;
        Span<int> hashes = count <= StackLimit ? stackalloc int[count] : new int[count];
        var i = 0;
        foreach (var property in obj.EnumerateObject()) hashes[i++] = HashOf(JsonMarshal.GetRawUtf8PropertyName(property));
        hashes.Sort();
        for (i = 1; i < count; i++)
        {
            if (hashes[i] == hashes[i - 1]) return true;
        }
        return false;
    }

    private static int HashOf(ReadOnlySpan<byte> rawName)
    {
        var hash = new HashCode();
        // "a" and "\u0061" are one name: hash escaped names by their decoded text.
        hash.AddBytes(rawName.IndexOf((byte)'\\') < 0 ? rawName : Encoding.UTF8.GetBytes(JsonEscapes.Unescape(rawName)));
        return hash.ToHashCode();
    }
}
