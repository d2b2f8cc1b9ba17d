using Pipeline.Bumping.Editing;

namespace Pipeline.Bumping.Assets;

/// <summary>
/// Downloads each changed asset URL once (a URL used twice is fetched once), records it as an
/// <see cref="AssetUpdate"/>, and writes the sha256 of a CLI binary into its contentHash. Docker
/// image references are rewritten but not fetched: they are not files.
/// </summary>
internal static class AssetHashes
{
    public static async Task<IReadOnlyList<AssetUpdate>> FetchAsync(IReadOnlyList<(ResourceUrl Url, string Previous)> changed, IAssetFetcher fetcher, long maxBytes, List<string> changes, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<string, FetchedAsset>(StringComparer.Ordinal);
        var updates = new List<AssetUpdate>();
        foreach (var (url, previous) in changed)
        {
            changes.Add($"{url.Path}: {url.Value}");
            if (url.DockerImage) continue;
            if (!Uri.TryCreate(url.Value, UriKind.Absolute, out var address)) throw new BumpRefusal($"{url.Path}: `{Planning.PackageFolder.Shown(url.Value)}` is not an absolute URL");
            if (!fetched.TryGetValue(url.Value, out var asset))
            {
                asset = await fetcher.FetchAsync(address, maxBytes, cancellationToken).ConfigureAwait(false);
                fetched[url.Value] = asset;
            }
            var hashed = url.Binary is { } binary && ResourceEdits.SetSha256(binary, asset.Sha256);
            if (hashed) changes.Add($"{url.Path[..^".url".Length]} sha256 {asset.Sha256}");
            updates.Add(new AssetUpdate(url.Pointer, previous, url.Value, hashed ? asset.Sha256 : null, asset.Size));
        }
        return updates;
    }
}
