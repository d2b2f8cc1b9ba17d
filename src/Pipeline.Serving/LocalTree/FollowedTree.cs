using System.Threading.Channels;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// The local tree, built at start and rebuilt when it changes on disk: watched files (debounced)
/// and a periodic fingerprint rescan both ask for a check; checks run one at a time on a
/// background loop (a request during one leaves exactly one more to run), a check rebuilds only
/// when the fingerprint moved, and the outcome is swapped in as one <see cref="LocalTreeStatus"/>.
/// Requests read <see cref="Status"/> and never wait on a rebuild.
/// </summary>
internal sealed class FollowedTree : IAsyncDisposable
{
    private readonly LocalTreeOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<string, TreeReading> _read;
    private readonly TreeNotices _notices;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _rescan;
    private ITimer? _debounce;
    private TreeWatcher? _watcher;
    private Task _loop = Task.CompletedTask;
    private string? _fingerprint;
    private volatile LocalTreeStatus _status;
    private int _rebuilds;
    private int _checksDone;

    private FollowedTree(LocalTreeOptions options, TimeProvider clock, Action<string>? notice, Func<string, TreeReading> read)
    {
        _options = options;
        _clock = clock;
        _read = read;
        _notices = new TreeNotices(options.Root, notice);
        _status = new LocalTreeStatus(null, LocalTreeState.Failing, null, null, clock.GetUtcNow()) { Root = options.Root };
    }

    /// <summary>The snapshot served and how it stands; replaced whole by each rebuild.</summary>
    public LocalTreeStatus Status => _status;

    /// <summary>How many times the tree was read and built (the first time included).</summary>
    public int Rebuilds => Volatile.Read(ref _rebuilds);

    /// <summary>How many checks ran to the end (with or without a rebuild), the first build excluded.</summary>
    public int Checks => Volatile.Read(ref _checksDone);

    /// <summary>
    /// Builds the tree once (a tree that does not validate is served anyway, as failing: nothing
    /// better exists), then follows it. <paramref name="read"/> replaces <see cref="TreeReader.Read"/> in tests.
    /// </summary>
    public static FollowedTree Start(LocalTreeOptions options, TimeProvider clock, Action<string>? notice, Func<string, TreeReading>? read = null)
    {
        var tree = new FollowedTree(options, clock, notice, read ?? TreeReader.Read);
        tree.Rebuild(TreeFingerprint.Of(options.Root));
        tree._loop = Task.Run(tree.RunAsync);
        if (options.Watch)
        {
            tree._debounce = clock.CreateTimer(_ => tree.RequestCheck(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            tree._watcher = new TreeWatcher(options.Root, tree.Changed);
        }
        if (options.RescanInterval != Timeout.InfiniteTimeSpan)
        {
            tree._rescan = clock.CreateTimer(_ => tree.RequestCheck(), null, options.RescanInterval, options.RescanInterval);
        }
        return tree;
    }

    /// <summary>Asks for a check; one already pending absorbs it.</summary>
    public void RequestCheck() => _requests.Writer.TryWrite(true);

    /// <summary>A watched event: checked once the events stop for the debounce time.</summary>
    private void Changed() => _debounce?.Change(_options.Debounce, Timeout.InfiniteTimeSpan);

    private async Task RunAsync()
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                _requests.Reader.TryRead(out _);
                Check();
                Interlocked.Increment(ref _checksDone);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: stop following.
        }
    }

    private void Check()
    {
        _watcher?.Arm();
        var fingerprint = TreeFingerprint.Of(_options.Root);
        if (fingerprint == _fingerprint) return;
        Rebuild(fingerprint);
    }

    private void Rebuild(string fingerprint)
    {
        // Taken before reading: a change made while the tree is read shows in the next check.
        _fingerprint = fingerprint;
        Interlocked.Increment(ref _rebuilds);
        TreeReading reading;
        try
        {
            reading = _read(_options.Root);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a rebuild meets, serving goes on with what it has; the failure is reported.
            reading = new TreeReading(null, $"the tree could not be built: {e.Message}");
        }
        // A tree that could not be read is read again at the next check, changed or not: a
        // permission fixed does not move the fingerprint.
        if (reading.Build is null) _fingerprint = null;
        var current = _status;
        var next = TreeStatusTransition.Next(current, reading, _clock.GetUtcNow());
        _status = next;
        _notices.Report(current, next);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _watcher?.Dispose();
        if (_rescan is not null) await _rescan.DisposeAsync().ConfigureAwait(false);
        if (_debounce is not null) await _debounce.DisposeAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
