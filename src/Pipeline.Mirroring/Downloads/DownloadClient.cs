using System.Net;
using Pipeline.Repositories.Fetching;

namespace Pipeline.Mirroring.Downloads;

/// <summary>
/// The <see cref="HttpClient"/> the commands download with: <see cref="UpstreamClient"/> without
/// decompression (digests are of the bytes served); redirects are followed by <see cref="SafeRedirects"/>.
/// </summary>
public static class DownloadClient
{
    public static HttpClient Create() => UpstreamClient.Create(DecompressionMethods.None);
}
