using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Repositories.Fetching;

namespace Pipeline.Repositories.Tests.Fetching;

/// <summary>The clients the factory makes, as an upstream sees their requests.</summary>
public sealed class UpstreamClientTests
{
    /// <summary>Answers one request with a redirect and gives back the request's head.</summary>
    private static async Task<(HttpResponseMessage Response, string Request)> SendAsync(HttpClient http)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/index.json");
        var sending = http.GetAsync(address);
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        await stream.WriteAsync("HTTP/1.1 302 Found\r\nLocation: /elsewhere.json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        return (await sending, head.ToString());
    }

    private static IEnumerable<string> Header(string request, string name) =>
        request.Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim());

    [Fact]
    public async Task ADocumentClientAsksForCompressionAndNamesThePipeline()
    {
        using var http = UpstreamClient.ForDocuments();

        var (response, request) = await SendAsync(http);

        Header(request, "User-Agent").Should().Equal(UpstreamClient.UserAgent);
        Header(request, "Accept-Encoding").Single().Split(',', StringSplitOptions.TrimEntries).Should().BeEquivalentTo("gzip", "deflate", "br");
        response.StatusCode.Should().Be(HttpStatusCode.Found, "redirects are SafeRedirects' to follow");
    }

    [Fact]
    public async Task ADownloadClientTakesTheBytesAsServed()
    {
        using var http = UpstreamClient.ForDownloads();

        var (response, request) = await SendAsync(http);

        Header(request, "User-Agent").Should().Equal(UpstreamClient.UserAgent);
        Header(request, "Accept-Encoding").Should().BeEmpty();
        response.StatusCode.Should().Be(HttpStatusCode.Found);
    }

    [Fact]
    public void TheTimeLimitIsTheCallersNotTheClients()
    {
        using var documents = UpstreamClient.ForDocuments();
        using var downloads = UpstreamClient.ForDownloads();

        documents.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
        downloads.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }
}
