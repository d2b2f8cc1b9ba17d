using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pipeline.Serving.Responses;

/// <summary>
/// Writes every successful document answer: the encoding chosen by <c>Accept-Encoding</c> (see
/// <see cref="AcceptEncoding"/>), its ETag, Last-Modified, Cache-Control and Vary, then either 304
/// without a body (<c>If-None-Match</c> matching, or when there is none, <c>If-Modified-Since</c> not
/// before Last-Modified) or 200 with the body (no body for HEAD).
/// </summary>
internal static class ServedResponse
{
    private const int Slice = 256 * 1024;

    /// <summary>The Vary of documents that are the same for every client but for their encoding.</summary>
    public const string VaryByEncoding = "Accept-Encoding";

    /// <summary>The Vary of <c>/repo</c>, whose release and label come from the DC/OS negotiation.</summary>
    public const string VaryByRepositoryNegotiation = "Accept, User-Agent, Accept-Encoding";

    /// <param name="vary">The request fields the answer depends on: <see cref="VaryByEncoding"/> or <see cref="VaryByRepositoryNegotiation"/>.</param>
    public static async Task WriteAsync(HttpContext context, ServedContent content, string cacheControl, string vary = VaryByEncoding)
    {
        var (coding, body) = Choose(content, context.Request.Headers.AcceptEncoding);
        var headers = context.Response.Headers;
        headers.ETag = content.ETag(coding);
        headers.LastModified = content.LastModifiedField;
        headers.CacheControl = cacheControl;
        headers.Vary = vary;
        if (NotModified(context.Request, content.ETag(coding), content.LastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = content.MediaType;
        if (coding != ContentCoding.Identity) headers.ContentEncoding = coding.Token();
        context.Response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        // In slices: Kestrel copies a write whole into its pipe before applying backpressure, so
        // 20 clients of a 24 MB /repo held 480 MB of buffers and the rate fell to a twentieth.
        for (var at = 0; at < body.Length; at += Slice)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(at, Math.Min(Slice, body.Length - at)), context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The most preferred acceptable coding whose encoding is smaller than the bytes. When the field
    /// excludes every coding on offer, the bytes as they are: a refusal (406) would serve no one.
    /// </summary>
    private static (ContentCoding, byte[]) Choose(ServedContent content, Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        foreach (var coding in AcceptEncoding.Preferred(acceptEncoding))
        {
            if (content.Bodies.In(coding) is { } body) return (coding, body);
        }
        return (ContentCoding.Identity, content.Bytes);
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0) return IfNoneMatch.Matches(ifNoneMatch, etag);
        return request.Headers.IfModifiedSince.Count == 1
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && lastModified <= since;
    }
}
