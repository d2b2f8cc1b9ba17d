namespace Pipeline.Mirroring.Downloads;

/// <summary>How far a download has got: bytes on disk (a resumed part included) of <see cref="Total"/> when known.</summary>
public readonly record struct DownloadProgress(Uri Address, long Received, long? Total);
