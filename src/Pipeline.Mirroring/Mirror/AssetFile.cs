using Pipeline.Mirroring.Downloads;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// One file a mirror run puts under <c>assets/</c>: the URL it comes from, its place in the
/// target (decided before any download starts), the digest its first reference expects, and
/// either the manifest's record of it already in place or the download that fetches it.
/// </summary>
internal sealed class AssetFile(Uri url, string path, string destination, string? expectedSha256)
{
    public Uri Url { get; } = url;

    /// <summary>'/'-separated, relative to the target; also the URL path under the base URL.</summary>
    public string Path { get; } = path;

    public string Destination { get; } = destination;

    public string? ExpectedSha256 { get; } = expectedSha256;

    /// <summary>The manifest's record when the file is already in place with the expected digest: nothing to download.</summary>
    public AssetEntry? Present { get; init; }

    /// <summary>The download, shared by every revision that references the URL; null when <see cref="Present"/>.</summary>
    public Task<DownloadResult>? Download { get; set; }
}

/// <summary>An asset of one revision and the file it is served from; <see cref="First"/> when this reference decided the file.</summary>
internal sealed record AssetReference(ResourceAsset Asset, AssetFile File, bool First);
