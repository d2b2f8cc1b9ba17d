using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Pipeline.Testing.Http;

namespace Pipeline.Site.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) serving a folder as static files under a
/// sub-path, as GitHub Pages serves a project site under /&lt;repo&gt;/, with its 404 page for any
/// missing path. Records every request path.
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
        // SHA256SUMS has no extension: served, as Pages serves it, as bytes.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = basePath, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" });
        // Also like GitHub Pages: any missing path, at any depth, gets 404.html with status 404.
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (files.GetFileInfo(SitePaths.NotFound) is not { Exists: true } page) return;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page);
        });
        var root = await LoopbackHost.StartAsync(app);
        server = new StaticSiteServer(app, $"{root.AbsoluteUri.TrimEnd('/')}{basePath}/");
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
