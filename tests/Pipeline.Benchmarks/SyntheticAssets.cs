using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pipeline.Benchmarks;

/// <summary>
/// Stand-ins for the files the corpus's resource.json files point at: file <c>n</c> has a size
/// between 100 KB and 2 MB (log-uniform, fixed by <c>n</c>) and content of its own (xorshift
/// bytes seeded by <c>n</c> and the chunk), generated as it is served so nothing is held in memory.
/// </summary>
internal static class SyntheticAssets
{
    public const int Chunk = 64 * 1024;
    private const double MinBytes = 100 * 1024;
    private const double MaxBytes = 2 * 1024 * 1024;

    public static long Size(int file)
    {
        var fraction = (Mix((ulong)file * 0x9E3779B97F4A7C15UL) >> 11) / (double)(1UL << 53);
        return (long)(MinBytes * Math.Pow(MaxBytes / MinBytes, fraction));
    }

    /// <summary>Fills <paramref name="buffer"/> with chunk <paramref name="chunk"/> of file <paramref name="file"/> (a whole chunk; the last is cut by the caller).</summary>
    public static void Fill(int file, long chunk, Span<byte> buffer)
    {
        var state = Mix(((ulong)file << 32) ^ (ulong)chunk ^ 0xD1B54A32D192ED03UL) | 1;
        for (var i = 0; i + 8 <= buffer.Length; i += 8)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[i..], state);
        }
    }

    public static string Sha256(int file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Chunk];
        var size = Size(file);
        for (long chunk = 0; chunk * Chunk < size; chunk++)
        {
            Fill(file, chunk, buffer);
            hash.AppendData(buffer, 0, (int)Math.Min(Chunk, size - chunk * Chunk));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
