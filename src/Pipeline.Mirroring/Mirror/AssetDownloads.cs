using Pipeline.Mirroring.Downloads;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// Runs a mirror's downloads at most <c>concurrency</c> at a time, whichever revisions they belong
/// to (the corpus has many revisions with one or two files each, so a bound per revision would
/// hardly ever run two). Waiting downloads start in the order they were asked for.
/// </summary>
internal sealed class AssetDownloads(VerifiedDownloader downloader, int concurrency, IMirrorObserver observer) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);

    /// <exception cref="OperationCanceledException">Cancelled; what arrived stays in the <c>.part</c> file for the next run.</exception>
    public async Task<DownloadResult> RunAsync(AssetFile file, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            observer.DownloadStarted(file.Url);
            var result = await downloader.DownloadAsync(file.Url, file.Destination, file.ExpectedSha256, new Progress(observer), cancellationToken).ConfigureAwait(false);
            observer.DownloadDone(result, skipped: false);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>Reports synchronously on the download's thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Progress(IMirrorObserver observer) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => observer.DownloadProgressed(value);
    }
}
