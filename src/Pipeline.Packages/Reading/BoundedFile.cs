namespace Pipeline.Packages.Reading;

/// <summary>
/// Reads a whole file from a tree someone else controls, never more than a given number of bytes:
/// the file is streamed and the read stops one byte past the limit, whatever length the file
/// system reports (a device such as <c>/dev/zero</c> reports 0 and never ends). A file that cannot
/// be read from start to end in order (a pipe, a socket) is refused.
/// </summary>
public static class BoundedFile
{
    /// <summary>The bytes, or why there are none (<see cref="BoundedRead.Problem"/>).</summary>
    public static BoundedRead Read(string path, long maxBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (!stream.CanSeek) return BoundedRead.Failed("it is not a regular file");
            var reported = stream.Length;
            if (reported > maxBytes) return BoundedRead.Failed(FormattableString.Invariant($"it is {reported:N0} bytes, over the limit of {maxBytes:N0}"), tooLarge: true);
            // Sized by the reported length, grown if the file gives more, never past the limit.
            var buffer = new byte[(int)Math.Min(reported > 0 ? reported + 1 : 4096, maxBytes + 1)];
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (read > maxBytes) return BoundedRead.Failed(FormattableString.Invariant($"it gives more than {maxBytes:N0} bytes (the limit) although it reports {reported:N0}; it is not a regular file or it is growing"), tooLarge: true);
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                }
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0) break;
                read += n;
            }
            return new BoundedRead(buffer.AsSpan(0, read).ToArray(), null, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return BoundedRead.Failed(e.Message);
        }
    }
}

/// <summary>The outcome of <see cref="BoundedFile.Read"/>: the content, or a problem saying why not.</summary>
public sealed record BoundedRead(byte[]? Content, string? Problem, bool TooLarge)
{
    internal static BoundedRead Failed(string problem, bool tooLarge = false) => new(null, problem, tooLarge);
}
