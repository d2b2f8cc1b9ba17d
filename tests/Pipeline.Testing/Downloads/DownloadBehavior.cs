namespace Pipeline.Testing.Downloads;

/// <summary>How <see cref="DownloadServer"/> misbehaves for one file.</summary>
public sealed record DownloadBehavior
{
    /// <summary>Honour <c>Range: bytes=N-</c> with 206 Partial Content; when false the whole file is sent with 200.</summary>
    public bool SupportsRange { get; init; } = true;

    /// <summary>The first this-many responses announce the full length, send <see cref="TruncateAt"/> bytes and drop the connection.</summary>
    public int TruncatedResponses { get; init; }

    public int TruncateAt { get; init; }

    /// <summary>Serve the asked range even when If-Range names another version of the file (a broken cache or server).</summary>
    public bool IgnoresIfRange { get; init; }

    /// <summary>While the server's gate is closed, this many bytes of the body are sent before the response is held.</summary>
    public int HeldAfter { get; init; }

    /// <summary>The first this-many requests get 503 Service Unavailable.</summary>
    public int FailuresFirst { get; init; }
}
