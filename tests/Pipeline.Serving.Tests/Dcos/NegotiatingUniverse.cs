using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Build.Dcos;
using Pipeline.Testing.Http;

namespace Pipeline.Serving.Tests.Dcos;

/// <summary>
/// A repository server that negotiates <c>/repo</c> as Universe's does, reduced to two answers: its
/// newest file only to a client saying <c>dcos/2.0</c> and accepting v5, else its oldest (1.8, v3).
/// </summary>
internal sealed class NegotiatingUniverse : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NegotiatingUniverse(WebApplication app) => _app = app;

    public Uri Repo { get; private set; } = null!;

    public static async Task<NegotiatingUniverse> StartAsync(byte[] newest, byte[] oldest)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        app.MapGet("/repo", async context =>
        {
            var full = context.Request.Headers.UserAgent.ToString().Contains("dcos/2.0", StringComparison.Ordinal)
                && context.Request.Headers.Accept.ToString().Contains("version=v5", StringComparison.Ordinal);
            context.Response.ContentType = DcosRepositoryFormat.ContentType(full ? "v5" : "v3");
            await context.Response.Body.WriteAsync(full ? newest : oldest, context.RequestAborted);
        });
        var server = new NegotiatingUniverse(app);
        server.Repo = new Uri(await LoopbackHost.StartAsync(app), "repo");
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);
}
