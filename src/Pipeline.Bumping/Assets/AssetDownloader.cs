using System.Net;
using System.Security.Cryptography;
using Pipeline.Repositories.Fetching;

namespace Pipeline.Bumping.Assets;

/// <summary>
/// Downloads assets over https with the platform's certificate validation (plain http only to a
/// loopback host, for tests and local mirrors), following at most <see cref="MaxRedirects"/>
/// redirects and only to such addresses, streaming the body through SHA-256 with a cap on its
/// size and a stall timeout on <paramref name="time"/>: the download fails when no byte arrives
/// for <see cref="StallTimeout"/>. The client must not follow redirects or decode bodies itself
/// (<see cref="UpstreamClient.ForDownloads"/>).
/// </summary>
public sealed class AssetDownloader(HttpClient http, TimeProvider time) : IAssetFetcher
{
    public const int MaxRedirects = 5;

    /// <summary>A downloader on the pipeline's one client for downloads: bytes exactly as served, no redirects of its own.</summary>
    public static AssetDownloader Create(TimeProvider time) => new(Downloads.Value, time);

    private static readonly Lazy<HttpClient> Downloads = new(UpstreamClient.ForDownloads);

    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task<FetchedAsset> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        Allowed(url, url);
        // Pushed back each time data arrives, so it measures silence, not the whole transfer.
        using var stall = new CancellationTokenSource(StallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            using var response = await SendAsync(url, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK) throw new AssetDownloadException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength is > 0 and var announced && announced > maxBytes)
            {
                throw new AssetDownloadException($"{url}: {announced:N0} bytes, over the limit of {maxBytes:N0} (--max-asset-size)");
            }
            stall.CancelAfter(StallTimeout);
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false)) > 0)
            {
                stall.CancelAfter(StallTimeout);
                size += read;
                if (size > maxBytes) throw new AssetDownloadException($"{url}: more than {maxBytes:N0} bytes, the limit (--max-asset-size)");
                hash.AppendData(buffer, 0, read);
            }
            if (response.Content.Headers.ContentLength is { } length && length != size) throw new AssetDownloadException($"{url}: {size:N0} bytes arrived of the {length:N0} announced");
            return new FetchedAsset(Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch (OperationCanceledException e) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AssetDownloadException($"{url}: no data for {StallTimeout.TotalSeconds:0.#} s; given up", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new AssetDownloadException($"{url}: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308)) return response;
            using (response)
            {
                if (redirects >= MaxRedirects) throw new AssetDownloadException($"{url}: more than {MaxRedirects} redirects");
                // Read raw: a hostile Location must not throw from the typed header parser.
                var location = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
                if (string.IsNullOrWhiteSpace(location) || !Uri.TryCreate(current, location.Trim(), out var next))
                {
                    throw new AssetDownloadException($"{url}: a redirect ({(int)response.StatusCode}) without a usable Location");
                }
                Followed(url, current, next);
                current = next;
            }
        }
    }

    /// <summary>A redirect goes where a first request may go, and never from https down to http.</summary>
    /// <exception cref="AssetDownloadException">It may not be followed.</exception>
    internal static void Followed(Uri asked, Uri from, Uri to)
    {
        if (from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps)
        {
            throw new AssetDownloadException($"{Shown(asked.OriginalString)}: redirect from https down to {Shown(to.OriginalString)} refused");
        }
        Allowed(asked, to);
    }

    /// <summary>https anywhere; http only to this machine, where no one on the network can change the bytes.</summary>
    /// <exception cref="AssetDownloadException">Any other address.</exception>
    public static void Allowed(Uri asked, Uri address)
    {
        var where = asked == address ? "" : $" (redirected to {Shown(address.OriginalString)})";
        if (!address.IsAbsoluteUri) throw new AssetDownloadException($"{Shown(asked.OriginalString)}: not an absolute URL");
        if (address.Scheme == Uri.UriSchemeHttps) return;
        if (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback) return;
        throw new AssetDownloadException(address.Scheme == Uri.UriSchemeHttp
            ? $"{Shown(asked.OriginalString)}{where}: plain http is refused except to this machine (127.0.0.1, ::1, localhost); use https"
            : $"{Shown(asked.OriginalString)}{where}: only https URLs are downloaded");
    }

    private static string Shown(string text) => Planning.PackageFolder.Shown(text);
}
