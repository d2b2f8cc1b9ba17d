using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.Http;

namespace Pipeline.Testing.StaticFiles;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving files from memory with the media type each was
/// given (e.g. a DC/OS repository's <c>application/vnd.dcos.universe.repo+json;…;version=v4</c>);
/// anything else is 404. Each test starts its own.
/// </summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Content, string MediaType)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private StaticFileServer(WebApplication app) => _app = app;

    /// <summary>The root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Paths requested so far, in arrival order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public static async Task<StaticFileServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var server = new StaticFileServer(app);
        app.Run(server.ServeAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (relative, e.g. "repo/index.json").</summary>
    public Uri Add(string path, byte[] content, string mediaType = "application/json")
    {
        _files["/" + path.TrimStart('/')] = (content, mediaType);
        return new Uri(BaseUrl, path.TrimStart('/'));
    }

    public Uri Add(string path, string content, string mediaType = "application/json") =>
        Add(path, System.Text.Encoding.UTF8.GetBytes(content), mediaType);

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(path);
        if (!HttpMethods.IsGet(context.Request.Method) || !_files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = file.MediaType;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
