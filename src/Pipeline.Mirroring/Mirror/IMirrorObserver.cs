using Pipeline.Mirroring.Downloads;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// Hears what a mirror run does, as it does it: a progress bar in a terminal, plain lines in CI, nothing in tests.
/// Downloads run concurrently: every method may be called from several threads at once (the
/// download calls from the download's own thread, and revisions finish in any order), so an
/// implementation must be thread-safe. Calls for one download come in order: started, progressed, done.
/// </summary>
public interface IMirrorObserver
{
    /// <summary>The revisions chosen, before any is copied; called once, before any other call but <see cref="Problem"/>.</summary>
    void Planned(IReadOnlyList<SelectedRevision> revisions) { }

    void RevisionDone(SelectedRevision revision, bool skipped) { }

    /// <summary>A download got one of the run's concurrent slots and begins.</summary>
    void DownloadStarted(Uri url) { }

    /// <summary>Bytes arrived; called per chunk, so keep it cheap.</summary>
    void DownloadProgressed(DownloadProgress progress) { }

    /// <summary>A download ended (or, <paramref name="skipped"/>, was found already in place and not started).</summary>
    void DownloadDone(DownloadResult result, bool skipped) { }

    /// <summary>Something that went wrong; the run goes on.</summary>
    void Problem(string message) { }
}
