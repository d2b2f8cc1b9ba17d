using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.Http;

namespace Pipeline.Testing.Registries;

/// <summary>How a <see cref="FakeRegistry"/> misbehaves or guards itself.</summary>
public sealed record FakeRegistryBehavior
{
    /// <summary>Demand a Bearer token from its own <c>/token</c> endpoint.</summary>
    public bool RequireToken { get; init; }

    /// <summary>The token endpoint's Basic user:password; null gives tokens to anyone.</summary>
    public string? TokenCredential { get; init; }

    /// <summary>Blobs served with their bytes changed (same length).</summary>
    public bool CorruptBlobs { get; init; }

    /// <summary>Blobs served with this many bytes more than they have.</summary>
    public int ExtraBlobBytes { get; init; }

    /// <summary>The manifest for a tag is this many bytes of padding (0: the real one).</summary>
    public int ManifestBytes { get; init; }

    /// <summary>A per-platform manifest asked for by digest is answered with another one.</summary>
    public bool SwapManifests { get; init; }

    /// <summary>Blobs served half, then nothing until the client gives up.</summary>
    public bool StallBlobs { get; init; }

    /// <summary>Blob GETs redirected to <c>/storage/</c> on the other loopback name (localhost), as registries redirect to object storage.</summary>
    public bool RedirectBlobs { get; init; }
}

/// <summary>
/// A registry speaking enough of the distribution API to serve one <see cref="TestImage"/> under
/// any repository and tag, on Kestrel at 127.0.0.1, for what a real registry will not do: lie,
/// oversize, demand tokens. It records each request's path and Authorization header.
/// </summary>
public sealed class FakeRegistry : IAsyncDisposable
{
    public const string Token = "secret-token-4f9a";

    private readonly WebApplication _app;
    private readonly TestImage _image;
    private readonly FakeRegistryBehavior _behavior;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();

    private FakeRegistry(WebApplication app, TestImage image, FakeRegistryBehavior behavior)
    {
        _app = app;
        _image = image;
        _behavior = behavior;
    }

    public Uri Root { get; private set; } = null!;

    /// <summary>Completes when a stalled blob's first half has been sent.</summary>
    public TaskCompletionSource BlobStalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Host => Root.Authority;

    public IReadOnlyList<(string Path, string? Authorization)> Requests => _requests.ToArray();

    public static async Task<FakeRegistry> StartAsync(TestImage image, FakeRegistryBehavior behavior)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var registry = new FakeRegistry(app, image, behavior);
        app.Run(registry.ServeAsync);
        registry.Root = await LoopbackHost.StartAsync(app);
        return registry;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var authorization = context.Request.Headers.Authorization.ToString();
        _requests.Enqueue((path, authorization.Length == 0 ? null : authorization));
        if (path == "/token")
        {
            await TokenAsync(context, authorization);
            return;
        }
        if (path.StartsWith("/storage/", StringComparison.Ordinal))
        {
            await BlobAsync(context, path["/storage/".Length..]);
            return;
        }
        if (_behavior.RequireToken && authorization != $"Bearer {Token}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Root}token\",service=\"fake\",scope=\"repository:any:pull\"";
            return;
        }
        var manifests = path.IndexOf("/manifests/", StringComparison.Ordinal);
        var blobs = path.IndexOf("/blobs/", StringComparison.Ordinal);
        if (manifests > 0) await ManifestAsync(context, path[(manifests + "/manifests/".Length)..]);
        else if (blobs > 0 && _behavior.RedirectBlobs) context.Response.Redirect($"http://localhost:{Root.Port}/storage/{path[(blobs + "/blobs/".Length)..]}");
        else if (blobs > 0) await BlobAsync(context, path[(blobs + "/blobs/".Length)..]);
        else context.Response.StatusCode = path == "/v2/" ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
    }

    private async Task TokenAsync(HttpContext context, string authorization)
    {
        var expected = _behavior.TokenCredential is { } credential ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)) : null;
        if (expected is not null && authorization != expected)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"access_token\":\"{Token}\"}}");
    }

    private async Task ManifestAsync(HttpContext context, string reference)
    {
        var all = _image.Manifests.Values.Append(_image.Index);
        var manifest = reference.StartsWith("sha256:", StringComparison.Ordinal) ? all.FirstOrDefault(m => m.Digest == reference) : _image.Index;
        if (manifest is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (_behavior.SwapManifests && manifest != _image.Index) manifest = _image.Manifests.Values.First(m => m != manifest);
        var bytes = !reference.StartsWith("sha256:", StringComparison.Ordinal) && _behavior.ManifestBytes > 0
            ? Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', _behavior.ManifestBytes) + "\"}")
            : manifest.Bytes;
        context.Response.ContentType = manifest.MediaType;
        context.Response.Headers["Docker-Content-Digest"] = manifest.Digest;
        await context.Response.Body.WriteAsync(bytes);
    }

    private async Task BlobAsync(HttpContext context, string digest)
    {
        if (_image.AllBlobs.FirstOrDefault(b => b.Digest == digest) is not { } blob)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var bytes = blob.Bytes.ToArray();
        if (_behavior.CorruptBlobs) bytes[^1] ^= 0xff;
        if (_behavior.ExtraBlobBytes > 0) bytes = [.. bytes, .. new byte[_behavior.ExtraBlobBytes]];
        context.Response.ContentType = "application/octet-stream";
        if (_behavior.StallBlobs)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            BlobStalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        await context.Response.Body.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync() => await LoopbackHost.StopAsync(_app);
}
