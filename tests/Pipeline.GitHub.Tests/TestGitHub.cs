using Octokit;
using Pipeline.GitHub.Retries;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

/// <summary>One fake GitHub per test, with a client that talks to it and a clock that never sleeps.</summary>
internal sealed class TestGitHub : IAsyncDisposable
{
    public const string Token = "ghs_test_token";

    private TestGitHub(FakeGitHubServer server, RetryOptions? retry)
    {
        Server = server;
        Client = GitHubConnection.Create(server.BaseUrl.ToString(), Token);
        Retry = new GitHubRetryPolicy(retry, Clock);
    }

    public FakeGitHubServer Server { get; }
    public IGitHubClient Client { get; }
    public FakeClock Clock { get; } = new();
    public GitHubRetryPolicy Retry { get; }
    public RepositorySlug Repo { get; } = new("acme", "universe");
    public FakeRepository State => Server.Repository(Repo.Owner, Repo.Name);

    public static async Task<TestGitHub> StartAsync(FakeGitHubOptions? options = null, RetryOptions? retry = null) =>
        new(await FakeGitHubServer.StartAsync((options ?? new FakeGitHubOptions()) with { Token = Token }), retry);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// Advances its own time instead of sleeping, and remembers every wait: a timer set for a delay
/// moves the clock on by it and fires at once.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public IReadOnlyList<TimeSpan> Waits
    {
        get { lock (_gate) return _waits.ToList(); }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _waits.Add(dueTime);
            _now += dueTime;
        }
        // Fired off this thread, as a real timer is, once the caller holds the timer.
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
