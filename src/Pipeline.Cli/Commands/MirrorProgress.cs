using System.Globalization;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Mirror;

namespace Pipeline.Cli.Commands;

/// <summary>
/// What `universe mirror` shows while it runs. In a terminal: one line on standard error, redrawn
/// in place, for every download in flight at once (revisions done of all, downloads running, bytes
/// received of the sizes known). Elsewhere (either output redirected): plain lines on standard output, one per revision and
/// per finished download, never one per chunk. Downloads report from their own threads, so every
/// call takes the lock and the console is written by one of them at a time.
/// </summary>
internal sealed class MirrorProgress(CliConsole console, TimeProvider clock) : IMirrorObserver
{
    private const int Width = 100;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);
    private readonly Lock _lock = new();
    private readonly bool _drawing = console.IsTerminal && console.ErrorIsTerminal;
    private readonly Dictionary<Uri, DownloadProgress> _running = [];
    private int _total;
    private int _done;
    private string _last = "";
    private bool _drawn;
    private long _lastDraw;

    public void Planned(IReadOnlyList<SelectedRevision> revisions)
    {
        lock (_lock)
        {
            _total = revisions.Count;
            if (!_drawing) console.Out.WriteLine($"mirroring {revisions.Count} revisions");
        }
    }

    public void RevisionDone(SelectedRevision revision, bool skipped)
    {
        lock (_lock)
        {
            _done++;
            _last = revision.ToString();
            if (_drawing) Draw(force: true);
            else console.Out.WriteLine(skipped ? $"skipped {revision}: already mirrored" : $"mirrored {revision}");
        }
    }

    public void DownloadStarted(Uri url)
    {
        if (!_drawing) return;
        lock (_lock)
        {
            _running[url] = new DownloadProgress(url, 0, null);
            Draw(force: true);
        }
    }

    public void DownloadProgressed(DownloadProgress progress)
    {
        if (!_drawing) return;
        lock (_lock)
        {
            _running[progress.Address] = progress;
            Draw(force: false);
        }
    }

    public void DownloadDone(DownloadResult result, bool skipped)
    {
        lock (_lock)
        {
            if (_drawing)
            {
                if (_running.Remove(result.Address)) Draw(force: true);
                return;
            }
            if (!result.Succeeded) return;
            console.Out.WriteLine(skipped ? $"skipped {result.Address}: already downloaded" : $"downloaded {result.Address} ({result.Bytes:N0} bytes, sha256 {result.Sha256})");
        }
    }

    public void Problem(string message)
    {
        lock (_lock)
        {
            Clear();
            console.Error.WriteLine($"error: {message}");
        }
    }

    /// <summary>Clears the progress line before the summary is printed.</summary>
    public void Finish()
    {
        lock (_lock) Clear();
    }

    private void Draw(bool force)
    {
        var now = clock.GetTimestamp();
        if (!force && clock.GetElapsedTime(_lastDraw, now) < RedrawEvery) return;
        _lastDraw = now;
        const int bar = 30;
        var filled = _total == 0 ? bar : Math.Min(_done, _total) * bar / _total;
        var detail = _running.Count == 0 ? _last : Downloading();
        if (detail.Length > 50) detail = "…" + detail[^49..];
        console.Error.Write($"\r[{new string('#', filled)}{new string('.', bar - filled)}] {_done}/{_total} {detail}".PadRight(Width));
        _drawn = true;
    }

    /// <summary>"3 downloading 4.2 of 12.0 MB": the sizes the servers announced, and what has arrived of them.</summary>
    private string Downloading()
    {
        var received = _running.Values.Sum(p => p.Received) / 1048576.0;
        var known = _running.Values.Where(p => p.Total is not null).ToArray();
        var total = known.Sum(p => p.Total!.Value) / 1048576.0;
        return known.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_running.Count} downloading {received:F1} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{_running.Count} downloading {received:F1} of {total:F1} MB");
    }

    private void Clear()
    {
        if (!_drawn) return;
        console.Error.Write("\r" + new string(' ', Width) + "\r");
        _drawn = false;
    }
}
