using System.Net;

namespace Pipeline.Repositories.Fetching;

/// <summary>
/// The one place an <see cref="HttpClient"/> for upstream requests is made (repositories, mirror
/// and CLI downloads, serve's upstreams, the CLI's commands): pooled connections, a connect
/// timeout, the pipeline's user agent, and no redirects of its own (<see cref="SafeRedirects"/>
/// follows them, http(s) only). The overall time limit is each caller's deadline, not
/// <see cref="HttpClient.Timeout"/>, which stops at the headers.
/// </summary>
public static class UpstreamClient
{
    public const string UserAgent = "universe-pipeline";

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>For documents (index.json, DC/OS repository files, package files): a compressed transfer is decoded.</summary>
    public static HttpClient ForDocuments() => Create(DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli);

    /// <summary>For files checked against a sha256: the bytes exactly as served, never decoded.</summary>
    public static HttpClient ForDownloads() => Create(DecompressionMethods.None);

    private static HttpClient Create(DecompressionMethods decompression) => new(new SocketsHttpHandler
    {
        AutomaticDecompression = decompression,
        ConnectTimeout = ConnectTimeout,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", UserAgent } },
    };
}
