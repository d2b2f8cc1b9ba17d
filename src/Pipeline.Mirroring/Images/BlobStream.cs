using System.Buffers;
using System.Security.Cryptography;

namespace Pipeline.Mirroring.Images;

/// <summary>Copies a blob's body while counting and hashing it, so a body longer than declared stops at once and a wrong one is never taken for the digest it claims.</summary>
public static class BlobStream
{
    /// <param name="received">Called after each chunk (a stall timeout is pushed back).</param>
    /// <param name="sent">Who sent the body and how, as the messages say it ("the bundle holds" for a file).</param>
    /// <exception cref="RegistryException">The body is longer or shorter than declared, or its digest differs.</exception>
    public static async Task CopyVerifiedAsync(Stream body, Stream target, ContentDescriptor blob, Uri address, Action received, CancellationToken cancellationToken, string sent = "the registry sent")
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > blob.Size) throw new RegistryException($"{address}: {sent} more than the {blob.Size:N0} bytes the manifest declares; refused");
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                received();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (length != blob.Size) throw new RegistryException($"{address}: {sent} {length:N0} of the {blob.Size:N0} bytes the manifest declares");
        var digest = new ImageDigest(Convert.ToHexStringLower(hash.GetHashAndReset()));
        if (digest != blob.Digest) throw new RegistryException($"{address}: {sent} content whose digest is {digest}, not {blob.Digest}; nothing was kept");
    }
}
