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
/// identified by the SHA-256 of all of them, so the cache holds no file contents (absent parts
/// hash differently from empty ones).
/// </summary>
public readonly record struct ContentKey
{
    private readonly UInt128 _high;
    private readonly UInt128 _low;

    public ContentKey(int kind, string? name, ReadOnlyMemory<byte>? a, ReadOnlyMemory<byte>? b = null, ReadOnlyMemory<byte>? c = null)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        BitConverter.TryWriteBytes(number, (long)kind);
        hash.AppendData(number);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name ?? "\0"));
        foreach (var part in (ReadOnlySpan<ReadOnlyMemory<byte>?>)[a, b, c])
        {
            BitConverter.TryWriteBytes(number, part?.Length ?? -1L);
            hash.AppendData(number);
            if (part is { } bytes) hash.AppendData(bytes.Span);
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        _high = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
        _low = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest[16..]);
    }
}
