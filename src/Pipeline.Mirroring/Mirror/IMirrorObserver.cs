using Pipeline.Mirroring.Downloads;

namespace Pipeline.Mirroring.Mirror;

/// <summary>Hears what a mirror run does, as it does it: a progress bar in a terminal, plain lines in CI, nothing in tests.</summary>
public interface IMirrorObserver
{
    /// <summary>The revisions chosen, before any is copied.</summary>
    void Planned(IReadOnlyList<SelectedRevision> revisions) { }

    void RevisionDone(SelectedRevision revision, bool skipped) { }

    void DownloadStarted(Uri url) { }

    void DownloadProgressed(DownloadProgress progress) { }

    void DownloadDone(DownloadResult result, bool skipped) { }

    /// <summary>Something that went wrong; the run goes on.</summary>
    void Problem(string message) { }
}
