using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.Http;

namespace Pipeline.Testing.Downloads;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving files for download tests: byte ranges (or not),
/// responses cut short with the connection dropped, and 503s before success, per file; each file
/// has a strong ETag and If-Range is honoured (unless told not to). It records every request
/// with its Range and If-Range headers. Its <see cref="Gate"/> holds responses until released.
/// </summary>
public sealed class DownloadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Served> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DownloadRequest> _requests = new();

    private DownloadServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<DownloadRequest> Requests => _requests.ToArray();

    /// <summary>Closed, it holds every response (after <see cref="DownloadBehavior.HeldAfter"/> bytes of its body) until released.</summary>
    public ResponseGate Gate { get; } = new();

    /// <summary>Requests for <paramref name="path"/> (relative, e.g. "files/a.bin") so far.</summary>
    public int Count(string path) => _requests.Count(r => r.Path == "/" + path.TrimStart('/'));

    public static async Task<DownloadServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var server = new DownloadServer(app);
        app.Run(server.ServeAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
        return server;
    }

    public Uri Add(string path, byte[] content, DownloadBehavior? behavior = null, string mediaType = "application/octet-stream")
    {
        _files["/" + path.TrimStart('/')] = new Served(content, mediaType, behavior ?? new DownloadBehavior());
        return new Uri(BaseUrl, path.TrimStart('/'));
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var range = context.Request.Headers.Range.ToString();
        var ifRange = context.Request.Headers.IfRange.ToString();
        _requests.Enqueue(new DownloadRequest(path, range.Length == 0 ? null : range) { IfRange = ifRange.Length == 0 ? null : ifRange });
        if (!HttpMethods.IsGet(context.Request.Method) || !_files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (Interlocked.Increment(ref file.Requests) <= file.Behavior.FailuresFirst)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var content = file.Content;
        long start = 0;
        context.Response.ContentType = file.MediaType;
        context.Response.Headers.ETag = file.ETag;
        // RFC 9110 If-Range: a range of a file that changed since the validator is not served; the whole new file is.
        if (ifRange.Length > 0 && ifRange != file.ETag && !file.Behavior.IgnoresIfRange) range = "";
        if (file.Behavior.SupportsRange)
        {
            context.Response.Headers.AcceptRanges = "bytes";
            if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
                && long.TryParse(range["bytes=".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out start))
            {
                if (start >= content.Length)
                {
                    context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                    context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status206PartialContent;
                context.Response.Headers.ContentRange = $"bytes {start}-{content.Length - 1}/{content.Length}";
            }
            else
            {
                start = 0;
            }
        }
        var body = content.AsMemory((int)start);
        context.Response.ContentLength = body.Length;
        if (Interlocked.Increment(ref file.Responses) <= file.Behavior.TruncatedResponses)
        {
            var cut = Math.Min(file.Behavior.TruncateAt, body.Length);
            await context.Response.Body.WriteAsync(body[..cut], context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            // Give the client time to read what was sent: an abort resets the connection and may discard unread bytes.
            await Task.Delay(200, context.RequestAborted).ConfigureAwait(false);
            context.Abort();
            return;
        }
        var sent = Math.Min(file.Behavior.HeldAfter, body.Length);
        if (sent > 0)
        {
            await context.Response.Body.WriteAsync(body[..sent], context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        await Gate.PassAsync(path, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(body[sent..], context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The strong ETag served with <paramref name="content"/>: its SHA-256, quoted.</summary>
    public static string ETagOf(byte[] content) => $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}\"";

    public ValueTask DisposeAsync()
    {
        Gate.Open();
        return LoopbackHost.StopAsync(_app);
    }

    private sealed class Served(byte[] content, string mediaType, DownloadBehavior behavior)
    {
        public byte[] Content { get; } = content;
        public string ETag { get; } = ETagOf(content);
        public string MediaType { get; } = mediaType;
        public DownloadBehavior Behavior { get; } = behavior;
        public int Requests;
        public int Responses;
    }
}

/// <summary>A request the server received: its path and Range header (null when none).</summary>
public sealed record DownloadRequest(string Path, string? Range)
{
    /// <summary>The If-Range header, null when none.</summary>
    public string? IfRange { get; init; }
}
