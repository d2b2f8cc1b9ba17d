using System.Collections.Concurrent;
using Pipeline.Diagnostics;

namespace Pipeline.Validation;

/// <summary>
/// Revisions of a package often repeat files byte for byte (a config.json carried from revision
/// to revision). Checks whose outcome depends only on file contents are done once per distinct
/// content in a run and their diagnostics re-targeted to each file that carries it.
/// </summary>
public sealed class ContentCache
{
    private readonly ConcurrentDictionary<ContentKey, Lazy<Diagnostic[]>> _results = new();

    /// <summary>
    /// The diagnostics of <paramref name="check"/> on contents identified by <paramref name="key"/>,
    /// reported on <paramref name="file"/>. The check reports on whatever file it is given; its
    /// diagnostics are stored file-less and re-targeted.
    /// </summary>
    public void Run(ContentKey key, string file, Action<List<Diagnostic>> check, List<Diagnostic> diagnostics)
    {
        var results = _results.GetOrAdd(key, _ => new Lazy<Diagnostic[]>(() =>
        {
            var found = new List<Diagnostic>();
            check(found);
            return found.Select(d => d with { File = d.File == file ? null : d.File }).ToArray();
        })).Value;
        foreach (var d in results) diagnostics.Add(d.File is null ? d with { File = file } : d);
    }
}

/// <summary>
/// A kind of check, an optional name (a descriptor's file name) and up to three file contents,
/// identified by the SHA-256 of the kind, the name and each content's own digest, so the cache
/// holds no file contents and a content shared by several keys (config.json is in the key of
/// every descriptor) is hashed once. Absent parts differ from empty ones.
/// </summary>
public readonly record struct ContentKey
{
    private readonly UInt128 _high;
    private readonly UInt128 _low;

    public ContentKey(int kind, string? name, ContentDigest a, ContentDigest b = default, ContentDigest c = default)
    {
        Span<byte> input = stackalloc byte[8 + 3 * ContentDigest.Size];
        BitConverter.TryWriteBytes(input, (long)kind);
        a.CopyTo(input.Slice(8, ContentDigest.Size));
        b.CopyTo(input.Slice(8 + ContentDigest.Size, ContentDigest.Size));
        c.CopyTo(input.Slice(8 + 2 * ContentDigest.Size, ContentDigest.Size));
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(input);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name ?? "\0"));
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        _high = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
        _low = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest[16..]);
    }
}

/// <summary>The SHA-256 of one file's content; <c>default</c> for a file that is absent.</summary>
public readonly record struct ContentDigest
{
    public const int Size = 33;

    private readonly UInt128 _high;
    private readonly UInt128 _low;
    private readonly bool _present;

    private ContentDigest(ReadOnlySpan<byte> sha256)
    {
        _high = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(sha256);
        _low = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(sha256[16..]);
        _present = true;
    }

    public static ContentDigest Of(ReadOnlyMemory<byte>? content)
    {
        if (content is not { } bytes) return default;
        Span<byte> sha256 = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes.Span, sha256);
        return new ContentDigest(sha256);
    }

    /// <summary>The digest as <see cref="Size"/> bytes: a presence flag, then the hash (zeros when absent).</summary>
    public void CopyTo(Span<byte> destination)
    {
        destination[0] = _present ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(destination[1..], _high);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(destination[17..], _low);
    }
}
