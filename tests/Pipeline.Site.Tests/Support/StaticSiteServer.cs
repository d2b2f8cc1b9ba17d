using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Pipeline.Testing.Http;

namespace Pipeline.Site.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) serving a folder as static files under a
/// sub-path, as GitHub Pages serves a project site under /&lt;repo&gt;/. Records every request path.
/// </summary>
internal sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The site's root, ending with '/': http://127.0.0.1:port/universe/.</summary>
    public string BaseUrl { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<StaticSiteServer> StartAsync(string folder, string basePath = "/universe")
    {
        var app = LoopbackHost.CreateBuilder().Build();
        StaticSiteServer? server = null;
        app.Use(async (context, next) =>
        {
            server?.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        var files = new PhysicalFileProvider(folder);
        // Like GitHub Pages: a folder's address serves its index.html.
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = basePath });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = basePath });
        var root = await LoopbackHost.StartAsync(app);
        server = new StaticSiteServer(app, $"{root.AbsoluteUri.TrimEnd('/')}{basePath}/");
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
