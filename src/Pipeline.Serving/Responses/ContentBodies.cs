using System.IO.Compression;
using System.Security.Cryptography;

namespace Pipeline.Serving.Responses;

/// <summary>
/// One content version's bytes, their SHA-256 and their gzip and Brotli encodings. Each encoding is
/// made once, by the first request that can take it (the others asking meanwhile wait for that one),
/// and kept only when smaller than the bytes themselves.
/// </summary>
internal sealed class ContentBodies
{
    /// <summary>
    /// Brotli's quality: 11 (its best) takes about a minute over a 25 MB repository file, 5 a second
    /// or so for nearly the same size; the encoding is made while a request waits.
    /// </summary>
    public const int BrotliQuality = 5;

    private readonly Lazy<byte[]?> _gzip;
    private readonly Lazy<byte[]?> _brotli;

    public ContentBodies(byte[] identity, Action encoded)
    {
        Identity = identity;
        Hash = SHA256.HashData(identity);
        _gzip = new(() => Smaller(Gzip(identity), encoded), LazyThreadSafetyMode.ExecutionAndPublication);
        _brotli = new(() => Smaller(Brotli(identity), encoded), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public byte[] Identity { get; }

    /// <summary>The SHA-256 of <see cref="Identity"/>.</summary>
    public byte[] Hash { get; }

    /// <summary>The body in <paramref name="coding"/>; null when that encoding is not smaller than the bytes.</summary>
    public byte[]? In(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => _brotli.Value,
        ContentCoding.Gzip => _gzip.Value,
        _ => Identity,
    };

    private byte[]? Smaller(byte[] encoded, Action counted)
    {
        counted();
        return encoded.Length < Identity.Length ? encoded : null;
    }

    private static byte[] Gzip(byte[] identity)
    {
        using var buffer = new MemoryStream(identity.Length / 4 + 64);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(identity);
        }
        return buffer.ToArray();
    }

    private static byte[] Brotli(byte[] identity)
    {
        var encoded = new byte[BrotliEncoder.GetMaxCompressedLength(identity.Length)];
        // The window's maximum (24): JSON repeats itself across whole packages.
        if (!BrotliEncoder.TryCompress(identity, encoded, out var written, BrotliQuality, 24))
        {
            throw new InvalidOperationException("Brotli could not encode a body into its maximum compressed length");
        }
        return encoded[..written];
    }
}
