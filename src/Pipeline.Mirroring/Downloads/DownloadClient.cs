using System.Net;

namespace Pipeline.Mirroring.Downloads;

/// <summary>The <see cref="HttpClient"/> the commands download with: pooled connections, a connect timeout, no decompression (digests are of the bytes served).</summary>
public static class DownloadClient
{
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 10,
    })
    {
        // Large binaries over slow links: the limit is generous, stalls are retried by the downloader.
        Timeout = TimeSpan.FromMinutes(30),
        DefaultRequestHeaders = { { "User-Agent", "universe-pipeline" } },
    };
}
