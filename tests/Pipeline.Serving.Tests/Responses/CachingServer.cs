using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests.Responses;

/// <summary>
/// A serve on 127.0.0.1 with a local tree (alpha) and one upstream (beta, gamma) on a static server,
/// on a <see cref="ManualClock"/>, and a client that never decompresses, so the wire is what is checked.
/// </summary>
public sealed class CachingServer : IAsyncDisposable
{
    public const string V4 = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4";

    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();
    // Bounds every request: a hang fails the test instead of stalling the run.
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(30));

    private CachingServer()
    {
    }

    public UniverseServer Server { get; private set; } = null!;

    public StaticFileServer Upstream { get; private set; } = null!;

    public ManualClock Clock { get; } = new();

    public ServingTrees Trees => _trees;

    public static async Task<CachingServer> StartAsync(bool upstream = true)
    {
        var fixture = new CachingServer();
        fixture._trees.Add("local", "alpha", 0, "1.0.0").Add("local", "alpha", 1, "1.1.0", minDcos: "1.10")
            .Add("upstream", "beta", 0, "2.0.0").Add("upstream", "gamma", 0, "3.0.0");
        fixture.Upstream = await StaticFileServer.StartAsync(fixture._bound.Token);
        var index = ServingTrees.Publish(fixture.Upstream, fixture._trees.Build("upstream"));
        fixture.Server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Local = fixture._trees.Build("local"),
            Upstreams = upstream ? [new Upstream("up", index)] : [],
            Clock = fixture.Clock,
        }, fixture._bound.Token);
        return fixture;
    }

    /// <summary>A request to <paramref name="path"/> with the given header fields; the body read whole.</summary>
    public async Task<HttpResponseMessage> SendAsync(string path, params (string Name, string Value)[] fields) =>
        await SendAsync(HttpMethod.Get, path, fields);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server.Url, path));
        foreach (var (name, value) in fields) request.Headers.TryAddWithoutValidation(name, value);
        var response = await _client.SendAsync(request, _bound.Token);
        await response.Content.LoadIntoBufferAsync(_bound.Token);
        return response;
    }

    /// <summary>Publishes the upstream with a new package, delta, past the TTL, and waits for serve's refresh to land.</summary>
    public async Task ChangeUpstreamAsync()
    {
        _trees.Add("upstream", "delta", 0, "4.0.0");
        ServingTrees.Publish(Upstream, _trees.Build("upstream"));
        Clock.Advance(TimeSpan.FromMinutes(6));
        await SendAsync("index.json");
        await Server.UpstreamsSettledAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Upstream.DisposeAsync();
        _client.Dispose();
        _bound.Dispose();
        _trees.Dispose();
    }
}
