using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.Http;

namespace Pipeline.Testing.Upstreams;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing an upstream repository that may turn hostile, path
/// by path: good JSON with a strong ETag (and 304s), redirects anywhere (<c>file://</c>), a body
/// held open until the test releases a gate, a chunked body without end, a gzip bomb, invalid
/// JSON. A path's behaviour can be swapped at any time; requests are recorded.
/// </summary>
public sealed class HostileUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private HostileUpstream(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Paths requested so far, in arrival order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public int Count(string path) => _requests.Count(p => p == "/" + path.TrimStart('/'));

    public static async Task<HostileUpstream> StartAsync()
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var server = new HostileUpstream(app);
        app.Run(server.ServeAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app).ConfigureAwait(false);
        return server;
    }

    /// <summary>Answers <paramref name="path"/> with <paramref name="handler"/> from now on.</summary>
    public Uri Map(string path, RequestDelegate handler)
    {
        _routes["/" + path.TrimStart('/')] = handler;
        return new Uri(BaseUrl, path.TrimStart('/'));
    }

    /// <summary>Well-behaved: the content with a strong ETag, 304 for a matching If-None-Match.</summary>
    public Uri Json(string path, string content) => File(path, Encoding.UTF8.GetBytes(content));

    /// <inheritdoc cref="Json"/>
    public Uri File(string path, byte[] bytes) => Map(path, async context =>
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "application/json";
        await WriteAsync(context, bytes).ConfigureAwait(false);
    });

    public Uri Redirect(string path, string location, int status = StatusCodes.Status302Found) => Map(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>Headers and <paramref name="head"/> at once, then nothing until <paramref name="release"/> completes (or the client goes).</summary>
    public Uri HeldBody(string path, string head, Task release) => Map(path, async context =>
    {
        context.Response.ContentType = "application/json";
        await WriteAsync(context, Encoding.UTF8.GetBytes(head)).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await release.WaitAsync(context.RequestAborted).ConfigureAwait(false);
    });

    /// <summary>A chunked body of spaces that never ends: it stops only when the client goes away.</summary>
    public Uri EndlessBody(string path) => Map(path, async context =>
    {
        context.Response.ContentType = "application/json";
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        while (!context.RequestAborted.IsCancellationRequested) await context.Response.Body.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
    });

    /// <summary><c>Content-Encoding: gzip</c> of <paramref name="decodedBytes"/> spaces: a few kilobytes on the wire.</summary>
    public Uri GzipBomb(string path, long decodedBytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < decodedBytes; written += chunk.Length) gzip.Write(chunk, 0, (int)Math.Min(chunk.Length, decodedBytes - written));
        }
        var body = compressed.ToArray();
        return Map(path, context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = body.Length;
            return WriteAsync(context, body);
        });
    }

    private static Task WriteAsync(HttpContext context, byte[] bytes) => context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();

    private Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(path);
        if (_routes.TryGetValue(path, out var handler)) return handler(context);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
