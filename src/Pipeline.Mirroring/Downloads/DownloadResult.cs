namespace Pipeline.Mirroring.Downloads;

/// <summary>
/// What a verified download came to: the file is in place with its SHA-256 (lower-case hex), or
/// <see cref="Problem"/> says why nothing was put in place.
/// </summary>
public sealed record DownloadResult(Uri Address, string Destination, string? Sha256, long Bytes, string? Problem)
{
    /// <summary>The transfer continued a <c>.part</c> file left by an earlier, interrupted one.</summary>
    public bool Resumed { get; init; }

    /// <summary>The download completed but its digest is not the expected one.</summary>
    public bool HashMismatch { get; init; }

    public bool Succeeded => Problem is null;
}
