using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Build;
using Pipeline.Build.Dcos;
using Pipeline.Repositories.Fetching;
using Pipeline.Serving.LocalTree;
using Pipeline.Serving.Merging;
using Pipeline.Serving.Negotiation;
using Pipeline.Serving.Responses;
using Pipeline.Serving.Upstreams;

namespace Pipeline.Serving;

/// <summary>
/// <c>universe serve</c>: a Kestrel server presenting the local universe and its upstreams (each
/// an index.json or a DC/OS repository, see <see cref="ServedUpstreams"/>) as one repository — <c>/index.json</c>, <c>/package/&lt;name&gt;.json</c>, the DC/OS <c>/repo</c>
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
    private readonly ServedUpstreams _upstreams;
    private readonly UpstreamConflicts _conflicts;
    private readonly AllowList _allow;
    private readonly Representations _representations;
    private readonly RepositoryChoices _choices = new();
    private readonly string _upstreamFreshness;
    // The merged documents' Cache-Control: see Freshness.
    private readonly string _mergedFreshness;
    private readonly FollowedTree? _followed;
    private readonly LocalTreeStatus? _fixedLocal;
    private volatile LocalDocuments _documents;

    private UniverseServer(WebApplication app, ServeOptions options, FollowedTree? followed)
    {
        _app = app;
        _options = options;
        _ownsHttp = options.Http is null;
        _http = options.Http ?? UpstreamClient.ForDocuments();
        _allow = new AllowList(options.Allow);
        _representations = new Representations(options.Clock);
        _upstreamFreshness = Freshness.Upstream(options.Ttl);
        _mergedFreshness = options.Upstreams.Count == 0 ? Freshness.LocalOnly : _upstreamFreshness;
        _followed = followed;
        _fixedLocal = options.Local is { } build ? LocalTreeStatus.Fixed(build, options.Clock.GetUtcNow()) : null;
        _upstreams = new ServedUpstreams(
            options.Upstreams, new UpstreamCache(_http, options.Clock, options.Ttl, options.Limits, options.CacheBudgetBytes), options.Notice);
        _conflicts = new UpstreamConflicts(_allow, options.Notice);
        _documents = LocalDocuments.For(LocalTree?.Snapshot?.Build, _allow, _representations);
    }

    /// <summary>The local source as served now (its snapshot, fresh, stale or failing); null when there is none.</summary>
    public LocalTreeStatus? LocalTree => _followed?.Status ?? _fixedLocal;

    /// <summary>The followed tree, if any (tests count its rebuilds and checks, not time).</summary>
    internal FollowedTree? Followed => _followed;

    /// <summary>The merged documents of the local snapshot served now: made anew only when the snapshot changes.</summary>
    private LocalDocuments Documents()
    {
        var build = LocalTree?.Snapshot?.Build;
        var known = _documents;
        if (ReferenceEquals(known.Build, build)) return known;
        var made = LocalDocuments.For(build, _allow, _representations);
        _documents = made;
        return made;
    }

    /// <summary>The root it answers at, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts listening and starts fetching every upstream in the background: start-up never waits on an upstream.</summary>
    /// <remarks>A followed local tree (<see cref="ServeOptions.LocalTree"/>) is built before listening, then followed in the background.</remarks>
    /// <exception cref="ArgumentException">The listen address is not an IP address and port, or both a local build and a local tree are given.</exception>
    /// <exception cref="IOException">The address could not be bound.</exception>
    public static async Task<UniverseServer> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        if (!IPEndPoint.TryParse(options.Listen, out var endpoint) || !options.Listen.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"`{options.Listen}` is not an IP address and port, e.g. 127.0.0.1:8080", nameof(options));
        }
        if (options.Local is not null && options.LocalTree is not null)
        {
            throw new ArgumentException("give a local build or a local tree to follow, not both", nameof(options));
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(endpoint);
            // Bytes on every answer that tell a client nothing it needs.
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        var app = builder.Build();
        var followed = options.LocalTree is { } tree
            ? await Task.Run(() => FollowedTree.Start(tree, options.Clock, options.Notice), cancellationToken).ConfigureAwait(false)
            : null;
        var server = new UniverseServer(app, options, followed);
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/health", getOrHead, server.HealthAsync);
        app.MapMethods("/index.json", getOrHead, server.IndexAsync);
        app.MapMethods("/package/{file}", getOrHead, server.PackageAsync);
        app.MapMethods("/repo", getOrHead, server.RepositoryAsync);
        app.MapMethods("/repo-up-to-{release}.json", getOrHead, server.RepositoryFileAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (followed is not null) await followed.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        _ = server._upstreams.GetAsync(CancellationToken.None);
        return server;
    }

    /// <summary>
    /// Each upstream as served now: the cached copy (refreshed in the background when due), or, for
    /// one never fetched, the outcome of its first fetch (bounded by the fetch deadline), and its kind.
    /// </summary>
    public async Task<IReadOnlyList<UpstreamStatus>> UpstreamsAsync(CancellationToken cancellationToken = default) =>
        (await ViewsAsync(cancellationToken).ConfigureAwait(false)).Select(v => v.Status).ToArray();

    /// <summary>Waits until no upstream refresh is under way (tests: the outcome of a background refresh).</summary>
    internal Task UpstreamsSettledAsync() => _upstreams.SettledAsync();

    /// <summary>The upstreams now, with the priority conflicts they make brought up to date (told once each).</summary>
    private async Task<IReadOnlyList<ServedUpstreams.View>> ViewsAsync(CancellationToken cancellationToken)
    {
        var views = await _upstreams.GetAsync(cancellationToken).ConfigureAwait(false);
        UpdateConflicts(views);
        return views;
    }

    private void UpdateConflicts(IReadOnlyList<ServedUpstreams.View> views) => _conflicts.Follow(LocalTree?.Snapshot?.Build, views);

    /// <summary>How many times the priority conflicts were looked at again (tests: once per change of sources, not per request).</summary>
    internal long ConflictUpdates => _conflicts.Updates;

    /// <summary>How many User-Agent and Accept pairs the /repo negotiation remembers (tests: bounded).</summary>
    internal int RememberedChoices => _choices.Count;

    /// <summary>How many gzip or Brotli encodings this server made (tests: once per content version, not per request).</summary>
    internal long Encodings => _representations.Encodings;

    /// <summary>
    /// Health never waits on a source: one entry per source (the local tree first, then the
    /// upstreams), each <c>fresh</c>, <c>stale</c> or <c>failing</c> with its last problem and since when.
    /// </summary>
    private async Task HealthAsync(HttpContext context)
    {
        var local = LocalTree;
        var upstreams = _upstreams.Peek();
        UpdateConflicts(upstreams);
        var healthy = upstreams.All(u => u.Copy.State == UpstreamState.Fresh) && local is null or { State: LocalTreeState.Fresh };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("status", healthy ? "ok" : "degraded");
            writer.WriteStartArray("sources");
            if (local is not null) LocalTreeHealth.Write(writer, local);
            foreach (var (upstream, copy, content) in upstreams)
            {
                writer.WriteStartObject();
                writer.WriteString("name", upstream.Name);
                writer.WriteString("address", upstream.Address.ToString());
                if (content?.Kind is { } kind) writer.WriteString("kind", kind.ToString().ToLowerInvariant());
                writer.WriteString("state", SourceStateNames.Of(copy.State));
                if (copy.CheckedAt is { } at) writer.WriteString("checkedAt", at);
                if (copy.Problem is not null) writer.WriteString("problem", copy.Problem);
                if (copy.FailingSince is { } since) writer.WriteString("since", since);
                if (content?.Dcos is { LeftOutCount: > 0 } dcos) HealthReport.WriteLeftOut(writer, dcos);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            HealthReport.WriteShadowed(writer, _conflicts.Current);
            writer.WriteEndObject();
        }
        await WriteAsync(context, StatusCodes.Status200OK, buffer.ToArray()).ConfigureAwait(false);
    }

    private async Task IndexAsync(HttpContext context)
    {
        var inputs = _upstreams.IndexInputs(await ViewsAsync(context.RequestAborted).ConfigureAwait(false));
        await ServedResponse.WriteAsync(context, Documents().Index.Get(inputs), _mergedFreshness).ConfigureAwait(false);
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
        if (LocalTree?.Snapshot?.Build.Find($"package/{name}.json") is { } local)
        {
            await ServedResponse.WriteAsync(context, _representations.For(local, Json), Freshness.LocalOnly).ConfigureAwait(false);
            return;
        }
        if (_allow.Allows(name)
            && await _upstreams.PackageAsync(await ViewsAsync(context.RequestAborted).ConfigureAwait(false), name, context.RequestAborted).ConfigureAwait(false) is var (content, problem))
        {
            if (content is null) await ErrorAsync(context, StatusCodes.Status502BadGateway, problem!).ConfigureAwait(false);
            else await ServedResponse.WriteAsync(context, _representations.For(content, Json), _upstreamFreshness).ConfigureAwait(false);
            return;
        }
        await ErrorAsync(context, StatusCodes.Status404NotFound, $"no package `{name}`").ConfigureAwait(false);
    }

    /// <summary>
    /// <c>/repo-up-to-&lt;release&gt;.json</c>, the files a published universe has beside its index.json:
    /// a serve behind this one (an index upstream) merges its <c>/repo</c> from them, so production's
    /// upstream packages reach staging's clusters too.
    /// </summary>
    private async Task RepositoryFileAsync(HttpContext context)
    {
        var version = (string)context.Request.RouteValues["release"]!;
        if (DcosRepositoryFormat.Releases.FirstOrDefault(r => r.Version == version) is not { } release)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound,
                $"no repository file for DC/OS {version}; served: {string.Join(", ", DcosRepositoryFormat.Releases.Select(r => r.RepositoryFileName))}").ConfigureAwait(false);
            return;
        }
        await WriteRepositoryAsync(context, release, release.ContentType, ServedResponse.VaryByEncoding).ConfigureAwait(false);
    }

    private async Task WriteRepositoryAsync(HttpContext context, DcosRelease release, string contentType, string vary)
    {
        var views = await ViewsAsync(context.RequestAborted).ConfigureAwait(false);
        var inputs = await _upstreams.RepositoryInputsAsync(views, release, context.RequestAborted).ConfigureAwait(false);
        var content = Documents().Repositories[release.Version].Get(inputs).As(contentType);
        await ServedResponse.WriteAsync(context, content, _mergedFreshness, vary).ConfigureAwait(false);
    }

    private async Task RepositoryAsync(HttpContext context)
    {
        var choice = _choices.Choose(context.Request.Headers.UserAgent.ToString(), context.Request.Headers.Accept.ToString());
        if (choice.Release is not { } release)
        {
            await ErrorAsync(context, StatusCodes.Status406NotAcceptable, choice.Problem!).ConfigureAwait(false);
            return;
        }
        await WriteRepositoryAsync(context, release, choice.ContentType!, ServedResponse.VaryByRepositoryNegotiation).ConfigureAwait(false);
    }

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
        if (_followed is not null) await _followed.DisposeAsync().ConfigureAwait(false);
        if (_ownsHttp) _http.Dispose();
    }
}
