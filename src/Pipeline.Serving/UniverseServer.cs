using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Build.Dcos;
using Pipeline.Repositories.Fetching;
using Pipeline.Serving.Merging;
using Pipeline.Serving.Negotiation;
using Pipeline.Serving.Responses;
using Pipeline.Serving.Upstreams;

namespace Pipeline.Serving;

/// <summary>
/// <c>universe serve</c>: a Kestrel server presenting the local universe and its upstreams as one
/// repository — <c>/index.json</c>, <c>/package/&lt;name&gt;.json</c>, the DC/OS <c>/repo</c>
/// (see <see cref="RepositoryNegotiation"/>) and <c>/health</c>. Handlers are plain request
/// delegates writing bytes, so the native (AOT) build needs no reflection.
/// </summary>
public sealed class UniverseServer : IAsyncDisposable
{
    private const string Json = "application/json";

    private readonly WebApplication _app;
    private readonly ServeOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly UpstreamCache _cache;
    private readonly AllowList _allow;
    private readonly Representations _representations;
    private readonly string _upstreamFreshness;
    // The merged documents' Cache-Control: see Freshness.
    private readonly string _mergedFreshness;
    private readonly MergedDocument _index;
    private readonly Dictionary<string, MergedDocument> _repositories = new(StringComparer.Ordinal);

    private UniverseServer(WebApplication app, ServeOptions options)
    {
        _app = app;
        _options = options;
        _ownsHttp = options.Http is null;
        _http = options.Http ?? UpstreamClient.ForDocuments();
        _cache = new UpstreamCache(_http, options.Clock, options.Ttl, options.Limits, options.CacheBudgetBytes);
        _allow = new AllowList(options.Allow);
        _representations = new Representations(options.Clock);
        _upstreamFreshness = Freshness.Upstream(options.Ttl);
        _mergedFreshness = options.Upstreams.Count == 0 ? Freshness.LocalOnly : _upstreamFreshness;
        _index = new MergedDocument(inputs => PackageListMerger.Merge(options.Local?.Find("index.json")?.ToArray(), inputs, _allow, EmptyIndex), Json, _representations);
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            _repositories[release.Version] = new MergedDocument(
                inputs => PackageListMerger.Merge(options.Local?.Find(release.RepositoryFileName)?.ToArray(), inputs, _allow, () => []),
                DcosRepositoryFormat.ContentType(release.RepositoryVersion), _representations);
        }
    }

    /// <summary>The root it answers at, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts listening and starts fetching every upstream index in the background: start-up never waits on an upstream.</summary>
    /// <exception cref="ArgumentException">The listen address is not an IP address and port.</exception>
    /// <exception cref="IOException">The address could not be bound.</exception>
    public static async Task<UniverseServer> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        if (!IPEndPoint.TryParse(options.Listen, out var endpoint) || !options.Listen.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"`{options.Listen}` is not an IP address and port, e.g. 127.0.0.1:8080", nameof(options));
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(endpoint));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        var app = builder.Build();
        var server = new UniverseServer(app, options);
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/health", getOrHead, server.HealthAsync);
        app.MapMethods("/index.json", getOrHead, server.IndexAsync);
        app.MapMethods("/package/{file}", getOrHead, server.PackageAsync);
        app.MapMethods("/repo", getOrHead, server.RepositoryAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        foreach (var upstream in options.Upstreams) _ = server._cache.GetAsync(upstream.Index, UpstreamDocument.PackageList, CancellationToken.None);
        return server;
    }

    /// <summary>
    /// Each upstream's index as served now: the cached copy (refreshed in the background when due),
    /// or, for one never fetched, the outcome of its first fetch (bounded by the fetch deadline).
    /// </summary>
    public async Task<IReadOnlyList<(Upstream Upstream, CachedCopy Copy)>> UpstreamIndexesAsync(CancellationToken cancellationToken = default)
    {
        var copies = await Task.WhenAll(_options.Upstreams.Select(u => _cache.GetAsync(u.Index, UpstreamDocument.PackageList, cancellationToken))).ConfigureAwait(false);
        return _options.Upstreams.Zip(copies).ToArray();
    }

    /// <summary>Waits until no upstream index refresh is under way (tests: the outcome of a background refresh).</summary>
    internal Task UpstreamsSettledAsync() => Task.WhenAll(_options.Upstreams.Select(u => _cache.SettledAsync(u.Index)));

    /// <summary>How many gzip or Brotli encodings this server made (tests: once per content version, not per request).</summary>
    internal long Encodings => _representations.Encodings;

    /// <summary>Health never waits on an upstream: it reports what is held now, each failure with its problem and since when.</summary>
    private async Task HealthAsync(HttpContext context)
    {
        var upstreams = _options.Upstreams
            .Select(u => (Upstream: u, Copy: _cache.Peek(u.Index) ?? new CachedCopy(u.Index, null, null, UpstreamState.Down, "not fetched yet", null)))
            .ToArray();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("status", upstreams.All(u => u.Copy.State == UpstreamState.Fresh) ? "ok" : "degraded");
            writer.WriteBoolean("local", _options.Local is not null);
            writer.WriteStartArray("upstreams");
            foreach (var (upstream, copy) in upstreams)
            {
                writer.WriteStartObject();
                writer.WriteString("name", upstream.Name);
                writer.WriteString("index", upstream.Index.ToString());
                writer.WriteString("state", copy.State.ToString().ToLowerInvariant());
                if (copy.CheckedAt is { } at) writer.WriteString("checkedAt", at);
                if (copy.Problem is not null) writer.WriteString("problem", copy.Problem);
                if (copy.FailingSince is { } since) writer.WriteString("failingSince", since);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        await WriteAsync(context, StatusCodes.Status200OK, buffer.ToArray()).ConfigureAwait(false);
    }

    private async Task IndexAsync(HttpContext context)
    {
        var inputs = (await UpstreamIndexesAsync(context.RequestAborted).ConfigureAwait(false))
            .Where(u => u.Copy.Content is not null).Select(u => u.Copy.Content!).ToArray();
        await ServedResponse.WriteAsync(context, _index.Get(inputs), _mergedFreshness).ConfigureAwait(false);
    }

    private async Task PackageAsync(HttpContext context)
    {
        var file = (string)context.Request.RouteValues["file"]!;
        if (!file.EndsWith(".json", StringComparison.Ordinal) || file.Length == ".json".Length)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "package files are /package/<name>.json").ConfigureAwait(false);
            return;
        }
        var name = file[..^".json".Length];
        if (_options.Local?.Find($"package/{name}.json") is { } local)
        {
            await ServedResponse.WriteAsync(context, _representations.For(local, Json), Freshness.LocalOnly).ConfigureAwait(false);
            return;
        }
        if (_allow.Allows(name))
        {
            foreach (var (upstream, copy) in await UpstreamIndexesAsync(context.RequestAborted).ConfigureAwait(false))
            {
                if (copy.Content is null || !UpstreamIndex.Lists(copy.Content, name)) continue;
                var document = await _cache.GetAsync(new Uri(upstream.Index, $"package/{Uri.EscapeDataString(name)}.json"), UpstreamDocument.AnyJson, context.RequestAborted).ConfigureAwait(false);
                if (document.Content is null)
                {
                    await ErrorAsync(context, StatusCodes.Status502BadGateway, $"{upstream.Name}: {document.Problem}").ConfigureAwait(false);
                    return;
                }
                await ServedResponse.WriteAsync(context, _representations.For(document.Content, Json), _upstreamFreshness).ConfigureAwait(false);
                return;
            }
        }
        await ErrorAsync(context, StatusCodes.Status404NotFound, $"no package `{name}`").ConfigureAwait(false);
    }

    private async Task RepositoryAsync(HttpContext context)
    {
        var choice = RepositoryNegotiation.Choose(context.Request.Headers.UserAgent.ToString(), context.Request.Headers.Accept.ToString());
        if (choice.Release is not { } release)
        {
            await ErrorAsync(context, StatusCodes.Status406NotAcceptable, choice.Problem!).ConfigureAwait(false);
            return;
        }
        var inputs = new List<byte[]>();
        foreach (var (upstream, copy) in await UpstreamIndexesAsync(context.RequestAborted).ConfigureAwait(false))
        {
            if (copy.Content is null) continue;
            var file = await _cache.GetAsync(new Uri(upstream.Index, release.RepositoryFileName), UpstreamDocument.PackageList, context.RequestAborted).ConfigureAwait(false);
            if (file.Content is not null) inputs.Add(file.Content);
        }
        var content = _repositories[release.Version].Get(inputs).As(choice.ContentType!);
        await ServedResponse.WriteAsync(context, content, _mergedFreshness, ServedResponse.VaryByRepositoryNegotiation).ConfigureAwait(false);
    }

    private static JsonObject EmptyIndex() => new()
    {
        ["formatVersion"] = "1",
        ["repository"] = new JsonObject { ["name"] = "universe serve", ["description"] = "Upstream repositories served as one" },
        ["source"] = new JsonObject { ["commit"] = null },
        ["packages"] = new JsonArray(),
    };

    private static Task ErrorAsync(HttpContext context, int status, string message)
    {
        using var buffer = new MemoryStream();
        // Relaxed: the body is JSON, never embedded in HTML, and messages quote names in backticks.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }
        return WriteAsync(context, status, buffer.ToArray());
    }

    /// <summary>Health and errors: JSON that describes this moment, never stored by a cache.</summary>
    private static async Task WriteAsync(HttpContext context, int status, byte[] content)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Json;
        context.Response.Headers.CacheControl = Freshness.Never;
        context.Response.ContentLength = content.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsHttp) _http.Dispose();
    }
}
