using System.Security.Cryptography;
using System.Text;
using Pipeline.Bumping.Assets;

namespace Pipeline.Bumping.Tests;

/// <summary>
/// Stands in for the internet where a test bumps a real package whose assets live there (the
/// tests run offline): each URL "downloads" as its own text, and every URL asked is recorded.
/// </summary>
internal sealed class OfflineAssets : IAssetFetcher
{
    public List<Uri> Asked { get; } = [];

    public Task<FetchedAsset> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        Asked.Add(url);
        var bytes = Encoding.UTF8.GetBytes(url.AbsoluteUri);
        return Task.FromResult(new FetchedAsset(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
    }
}
