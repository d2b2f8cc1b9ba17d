using System.Net;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Fetching;

/// <summary>
/// Sends a request and follows its redirects itself, so that only http(s) targets are followed,
/// never from https down to http, and at most a bounded number: a <c>Location: file:///…</c> is
/// a clear failure instead of an exception from deep inside the handler. The client should not
/// follow redirects itself (<see cref="UpstreamClient"/>).
/// </summary>
public static class SafeRedirects
{
    /// <param name="prepare">Adds headers to each request sent (the first and every redirected one).</param>
    /// <returns>The final response, headers read, body not yet.</returns>
    /// <exception cref="SourceUnavailableException">A redirect was refused.</exception>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri address, Action<HttpRequestMessage>? prepare, int maxRedirects, CancellationToken cancellationToken)
    {
        var current = address;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            prepare?.Invoke(request);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode)) return response;
            using (response)
            {
                var next = Target(current, response);
                if (redirects >= maxRedirects) throw new SourceUnavailableException($"upstream {address}: more than {maxRedirects} redirects");
                current = next;
            }
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri Target(Uri from, HttpResponseMessage response)
    {
        // Read raw: a hostile Location must not throw from the typed header parser.
        var location = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrWhiteSpace(location) || !Uri.TryCreate(from, location.Trim(), out var target))
        {
            throw new SourceUnavailableException($"upstream {from}: a redirect ({(int)response.StatusCode}) without a usable Location");
        }
        if (target.Scheme is not ("http" or "https"))
        {
            throw new SourceUnavailableException($"upstream {from}: redirect to `{Shown(location)}` refused (only http and https are followed)");
        }
        if (from.Scheme == "https" && target.Scheme == "http")
        {
            throw new SourceUnavailableException($"upstream {from}: redirect from https down to `{Shown(location)}` refused");
        }
        return target;
    }

    private static string Shown(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
