using System.Net;
using System.Security.Authentication;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Fetching;

/// <summary>What an upstream answered: 304 (no content), or the body read whole within the limits.</summary>
public sealed record FetchedBody(Uri Address, bool NotModified, byte[]? Content, string? ETag, string? MediaType);

/// <summary>
/// The one way upstream documents are fetched (<c>serve</c>'s cache, the repository commands,
/// <c>mirror</c> and <c>cli install</c>): safe redirects, a deadline over headers and body, and
/// decoded bytes capped while streaming. Every failure is a <see cref="SourceUnavailableException"/>
/// naming the address; nothing else escapes but the caller's own cancellation.
/// </summary>
public sealed class BoundedFetch(HttpClient http, FetchLimits? limits = null)
{
    public FetchLimits Limits { get; } = limits ?? new FetchLimits();

    /// <param name="prepare">Adds headers (Accept, If-None-Match) to each request sent.</param>
    public async Task<FetchedBody> GetAsync(Uri address, Action<HttpRequestMessage>? prepare = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Limits.Deadline);
        try
        {
            using var response = await SafeRedirects.SendAsync(http, address, prepare, Limits.MaxRedirects, deadline.Token).ConfigureAwait(false);
            var etag = response.Headers.ETag?.ToString();
            if (response.StatusCode == HttpStatusCode.NotModified) return new FetchedBody(address, true, null, etag, null);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceUnavailableException($"upstream {address}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            var content = await BoundedBody.ReadAsync(response.Content, address, Limits.MaxBytes, deadline.Token).ConfigureAwait(false);
            return new FetchedBody(address, false, content, etag, response.Content.Headers.ContentType?.ToString());
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceUnavailableException($"upstream {address}: no complete answer within {Limits.Deadline.TotalSeconds:0.###} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or UriFormatException or AuthenticationException or InvalidOperationException)
        {
            throw new SourceUnavailableException($"upstream {address}: {e.Message}", e);
        }
    }
}
