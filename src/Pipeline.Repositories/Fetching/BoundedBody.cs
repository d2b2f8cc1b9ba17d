using System.Buffers;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Fetching;

/// <summary>
/// Reads a response body into memory counting the bytes as they are decoded, so a chunked body
/// without end or a gzip bomb stops at the limit instead of filling memory.
/// </summary>
public static class BoundedBody
{
    /// <exception cref="SourceUnavailableException">The body decodes to more than <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, Uri address, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes) throw TooLarge(address, maxBytes);
        await using var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw TooLarge(address, maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private static SourceUnavailableException TooLarge(Uri address, long maxBytes) =>
        new(FormattableString.Invariant($"upstream {address}: body over {maxBytes:N0} bytes"));
}
