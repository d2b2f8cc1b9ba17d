namespace Pipeline.Bumping.Assets;

/// <summary>Downloads an asset to learn its SHA-256 and size; the bytes are hashed as they arrive and never kept or run.</summary>
public interface IAssetFetcher
{
    /// <exception cref="AssetDownloadException">The asset could not be downloaded whole within the limits.</exception>
    Task<FetchedAsset> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>What an asset's bytes were: their SHA-256 (lower-case hex) and length.</summary>
public sealed record FetchedAsset(string Sha256, long Size);

/// <summary>Why an asset did not download (refused redirect, HTTP status, size, stall, connection), in one line.</summary>
public sealed class AssetDownloadException(string message, Exception? inner = null) : Exception(message, inner);
