using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pipeline.Serving.LocalTree;

namespace Pipeline.Serving.Tests.LocalTree;

/// <summary>A server following a tree of <see cref="ServingTrees"/>, the notices it gave, and waits bounded by a timeout.</summary>
public sealed class FollowingServer : IAsyncDisposable
{
    private readonly HttpClient _client = new();
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(60));

    private FollowingServer(UniverseServer server, ConcurrentQueue<string> notices)
    {
        Server = server;
        Notices = notices;
    }

    public UniverseServer Server { get; }

    public ConcurrentQueue<string> Notices { get; }

    internal FollowedTree Followed => Server.Followed!;

    public static async Task<FollowingServer> StartAsync(LocalTreeOptions tree, TimeProvider clock)
    {
        var notices = new ConcurrentQueue<string>();
        var server = await UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", LocalTree = tree, Clock = clock, Notice = notices.Enqueue });
        return new FollowingServer(server, notices);
    }

    public async Task<string> GetAsync(string path) => await _client.GetStringAsync(new Uri(Server.Url, path), _bound.Token);

    /// <summary>The local tree's entry in /health.</summary>
    public async Task<JsonNode> LocalHealthAsync() => JsonNode.Parse(await GetAsync("health"))!["sources"]![0]!;

    /// <summary>The description of <paramref name="name"/> in /index.json, null when it is not listed.</summary>
    public async Task<string?> DescriptionAsync(string name) =>
        (JsonNode.Parse(await GetAsync("index.json"))!["packages"] as JsonArray)!
            .FirstOrDefault(p => (string)p!["name"]! == name)?["description"]?.GetValue<string>();

    /// <summary>Polls until <paramref name="done"/> holds; fails after the bound (a minute), never waits a fixed time.</summary>
    public async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        while (!await done())
        {
            if (_bound.IsCancellationRequested) throw new TimeoutException($"still waiting for {what}");
            await Task.Delay(20, _bound.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until the loop has run <paramref name="count"/> checks (a rescan that found nothing new included).</summary>
    public Task ChecksAsync(int count) => UntilAsync(() => Task.FromResult(Followed.Checks >= count), $"{count} checks");

    public Task StateAsync(string state) => UntilAsync(async () => (await LocalHealthAsync())["state"]!.GetValue<string>() == state, $"the local tree {state}");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _client.Dispose();
        _bound.Dispose();
    }
}
