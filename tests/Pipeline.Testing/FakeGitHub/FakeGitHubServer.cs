using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing.FakeGitHub.Endpoints;
using Pipeline.Testing.Http;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that answers a slice of GitHub's REST API from memory:
/// issue comments, labels, check runs, pull request files and releases with assets. Each test
/// starts its own, so tests run in parallel without sharing state.
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly FaultQueue _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private long _lastId = 1000;

    private FakeGitHubServer(WebApplication app, FakeGitHubOptions options)
    {
        _app = app;
        Options = options;
    }

    public FakeGitHubOptions Options { get; }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/</c>: what <c>GITHUB_API_URL</c> would hold.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Faults queued but not yet served.</summary>
    public int PendingFaults => _faults.Pending;

    public static async Task<FakeGitHubServer> StartAsync(FakeGitHubOptions? options = null, CancellationToken cancellationToken = default)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        var server = new FakeGitHubServer(app, options ?? new FakeGitHubOptions());
        server.Configure();
        server.BaseUrl = await LoopbackHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>The state of <c>owner/name</c>, created empty on first use.</summary>
    public FakeRepository Repository(string owner, string name) =>
        _repositories.GetOrAdd($"{owner}/{name}", _ => new FakeRepository(owner, name, () => Interlocked.Increment(ref _lastId)));

    /// <summary>The state of <c>owner/name</c> if it exists (made by a test or a fork), without making it.</summary>
    public FakeRepository? FindRepository(string owner, string name) => _repositories.GetValueOrDefault($"{owner}/{name}");

    internal IEnumerable<FakeRepository> Repositories => _repositories.Values;

    /// <summary>
    /// Answers the next <paramref name="times"/> requests matching <paramref name="method"/> ("*" for any)
    /// and <paramref name="pathPattern"/> with <paramref name="fault"/>. In the pattern, '*' or
    /// '{name}' matches one path segment, e.g. <c>/repos/*/*/issues/{n}/comments</c>.
    /// </summary>
    public void InjectFault(string method, string pathPattern, FakeFault fault, int times = 1) =>
        _faults.Enqueue(method, pathPattern, fault, times);

    /// <summary>
    /// Runs <paramref name="callback"/> just before the endpoint handles the next matching request,
    /// e.g. to make an asset appear between a client's listing and its upload.
    /// </summary>
    public void BeforeRequest(string method, string pathPattern, Action callback, int times = 1) =>
        _faults.Enqueue(method, pathPattern, callback, times);

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
        Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                            && r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)).ToList();

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);

    private void Configure()
    {
        _app.Use(RecordAsync);
        _app.Use(RateLimitHeadersAsync);
        _app.Use(AuthorizeAsync);
        _app.Use(InjectFaultsAsync);
        _app.Use(RefuseReadOnlyWritesAsync);

        var context = new EndpointContext(this);
        IssueCommentEndpoints.Map(_app, context);
        LabelEndpoints.Map(_app, context);
        CheckRunEndpoints.Map(_app, context);
        PullRequestFileEndpoints.Map(_app, context);
        ReleaseEndpoints.Map(_app, context);
        ReleaseAssetEndpoints.Map(_app, context);
        GitDataEndpoints.Map(_app, context);
        UserEndpoints.Map(_app, context);
        ForkEndpoints.Map(_app, context);
    }

    /// <summary>A token without push rights may not write Git data (GitHub answers 403); it may still open pull requests.</summary>
    private Task RefuseReadOnlyWritesAsync(HttpContext http, RequestDelegate next)
    {
        var segments = (http.Request.Path.Value ?? "").Split('/');
        if (!HttpMethods.IsGet(http.Request.Method) && segments is ["", "repos", var owner, var name, "git", ..]
            && FindRepository(owner, name) is { Writable: false })
        {
            return GitHubResults.Error(403, "Resource not accessible by personal access token", []).ExecuteAsync(http);
        }
        return next(http);
    }

    private async Task RecordAsync(HttpContext http, RequestDelegate next)
    {
        // Buffer so the endpoint can read the body after us.
        http.Request.EnableBuffering();
        using var copy = new MemoryStream();
        await http.Request.Body.CopyToAsync(copy, http.RequestAborted).ConfigureAwait(false);
        http.Request.Body.Position = 0;
        _requests.Enqueue(new RecordedRequest(
            http.Request.Method,
            http.Request.Path.Value ?? "/",
            http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : "",
            http.Request.ContentType,
            copy.ToArray()));
        await next(http).ConfigureAwait(false);
    }

    private static Task RateLimitHeadersAsync(HttpContext http, RequestDelegate next)
    {
        http.Response.OnStarting(() =>
        {
            // A fault may have set its own (remaining: 0); only fill in the healthy defaults.
            var headers = http.Response.Headers;
            if (!headers.ContainsKey("x-ratelimit-limit"))
            {
                headers["x-ratelimit-limit"] = "5000";
                headers["x-ratelimit-remaining"] = "4999";
                headers["x-ratelimit-used"] = "1";
                headers["x-ratelimit-resource"] = "core";
                headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }
            headers["x-github-media-type"] = "github.v3; format=json";
            return Task.CompletedTask;
        });
        return next(http);
    }

    private Task AuthorizeAsync(HttpContext http, RequestDelegate next)
    {
        if (Options.Token is null || ReleaseAssetEndpoints.IsDownload(http.Request.Path)) return next(http);
        var header = http.Request.Headers.Authorization.ToString();
        var sent = header.StartsWith("token ", StringComparison.OrdinalIgnoreCase) ? header[6..]
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..]
            : null;
        if (sent == Options.Token) return next(http);
        return GitHubResults.Unauthorized().ExecuteAsync(http);
    }

    private Task InjectFaultsAsync(HttpContext http, RequestDelegate next)
    {
        switch (_faults.TakeFor(http.Request.Method, http.Request.Path.Value ?? "/"))
        {
            case FakeFault fault:
                return GitHubResults.WriteFault(http, fault);
            case Action callback:
                callback();
                return next(http);
            default:
                return next(http);
        }
    }
}
