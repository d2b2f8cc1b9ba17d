using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.Http;

namespace Pipeline.Benchmarks;

/// <summary>
/// Serves <see cref="SyntheticAssets"/> on 127.0.0.1 at <c>/f/&lt;n&gt;/&lt;name&gt;</c>: as fast as
/// loopback goes, or (<see cref="Throttle"/>) like a real server far away: a wait before the
/// first byte and a rate per connection.
/// </summary>
internal sealed class AssetServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AssetServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The first-byte latency and bytes per second of each response; null: no limit.</summary>
    public (TimeSpan Latency, double BytesPerSecond)? Throttle { get; set; }

    public static async Task<AssetServer> StartAsync()
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var server = new AssetServer(app);
        app.Run(server.ServeAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app);
        return server;
    }

    public Uri Url(int file, string name) => new(BaseUrl, $"f/{file}/{Uri.EscapeDataString(name)}");

    private async Task ServeAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["f", var number, _] || !int.TryParse(number, out var file) || file < 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var throttle = Throttle;
        var aborted = context.RequestAborted;
        if (throttle is { } wait) await Task.Delay(wait.Latency, aborted);
        var size = SyntheticAssets.Size(file);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = size;
        var buffer = new byte[SyntheticAssets.Chunk];
        var clock = Stopwatch.StartNew();
        long sent = 0;
        for (long chunk = 0; sent < size; chunk++)
        {
            SyntheticAssets.Fill(file, chunk, buffer);
            var length = (int)Math.Min(buffer.Length, size - sent);
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, length), aborted);
            sent += length;
            if (throttle is { } rate)
            {
                var due = TimeSpan.FromSeconds(sent / rate.BytesPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, aborted);
            }
        }
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
