using Pipeline.Repositories.Fetching;

namespace Pipeline.Cli;

/// <summary>
/// The clients the repository commands fetch with, one of each kind for the process, made by
/// <see cref="UpstreamClient"/>: a socket handler pools connections across a run's fetches.
/// </summary>
internal static class UpstreamClients
{
    public static readonly Lazy<HttpClient> Documents = new(UpstreamClient.ForDocuments);

    public static readonly Lazy<HttpClient> Downloads = new(UpstreamClient.ForDownloads);
}
