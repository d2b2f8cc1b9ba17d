using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.Http;

namespace Pipeline.Serving.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 serving files with a strong ETag (their SHA-256) and answering a
/// matching If-None-Match with 304, as a CDN or GitHub Pages would; it records what it was sent.
/// </summary>
public sealed class EtagServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, int Status)> _requests = new();

    private EtagServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<(string Path, string? IfNoneMatch, int Status)> Requests => _requests.ToArray();

    public static async Task<EtagServer> StartAsync()
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var server = new EtagServer(app);
        app.Run(server.ServeAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app);
        return server;
    }

    public Uri Add(string path, byte[] content)
    {
        _files["/" + path] = content;
        return new Uri(BaseUrl, path);
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (!_files.TryGetValue(path, out var content))
        {
            _requests.Enqueue((path, ifNoneMatch, 404));
            context.Response.StatusCode = 404;
            return;
        }
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))}\"";
        context.Response.Headers.ETag = etag;
        if (ifNoneMatch == etag)
        {
            _requests.Enqueue((path, ifNoneMatch, 304));
            context.Response.StatusCode = 304;
            return;
        }
        _requests.Enqueue((path, ifNoneMatch.Length == 0 ? null : ifNoneMatch, 200));
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(content);
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
