using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Pipeline.Site.Tests.Support;

/// <summary>
/// A browser context that lets requests reach 127.0.0.1 only (anything else is aborted and
/// recorded) and records script errors and console errors, such as Content-Security-Policy violations.
/// </summary>
internal sealed class PageWatch : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PageWatch(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }
    public ConcurrentQueue<string> ForeignRequests { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<PageWatch> OpenAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var watch = new PageWatch(context, page);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            watch.Requests.Enqueue(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Host != "127.0.0.1")
            {
                watch.ForeignRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
                return;
            }
            await route.ContinueAsync();
        });
        page.PageError += (_, error) => watch.Errors.Enqueue($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") watch.Errors.Enqueue($"console: {message.Text}");
        };
        return watch;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
