using System.Net;

namespace Pipeline.Repositories.Fetching;

/// <summary>
/// The <see cref="HttpClient"/> for upstream requests: pooled connections, a connect timeout, and
/// no redirects of its own (<see cref="SafeRedirects"/> follows them, http(s) only). The overall
/// time limit is each caller's deadline, not <see cref="HttpClient.Timeout"/>, which stops at the headers.
/// </summary>
public static class UpstreamClient
{
    /// <param name="decompression">None when digests are of the bytes served (downloads).</param>
    public static HttpClient Create(DecompressionMethods decompression) => new(new SocketsHttpHandler
    {
        AutomaticDecompression = decompression,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", "universe-pipeline" } },
    };
}
