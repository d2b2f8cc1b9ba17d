using System.Text.Json.Nodes;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// A repository file at a URL (http, https or file): fetched once, then read as our index.json
/// or as a DC/OS repository JSON, whichever its content is.
/// </summary>
public sealed class RemoteSource(string location, Uri address, ContentFetcher fetcher) : IPackageSource
{
    private IPackageSource? _inner;

    public string Location { get; } = location;

    public async Task<IReadOnlyList<PackageSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).ListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<PackageDefinition?> GetAsync(string name, string version, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).GetAsync(name, version, cancellationToken).ConfigureAwait(false);

    public async Task<PackageDefinition?> GetRevisionAsync(PackageSummary revision, CancellationToken cancellationToken = default) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).GetRevisionAsync(revision, cancellationToken).ConfigureAwait(false);

    /// <summary>The file fetched and read: an <see cref="IndexSource"/> or a <see cref="DcosRepositorySource"/>.</summary>
    /// <exception cref="SourceUnavailableException">It cannot be fetched, or it is neither kind of file.</exception>
    public async Task<IPackageSource> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_inner is not null) return _inner;
        var fetched = await fetcher.FetchAsync(address, cancellationToken).ConfigureAwait(false);
        _inner = Read(Location, fetched, fetcher);
        return _inner;
    }

    /// <summary>Reads a fetched repository file as whichever kind it is.</summary>
    /// <exception cref="SourceUnavailableException">It is neither kind of file (a zip is named as such).</exception>
    public static IPackageSource Read(string location, FetchedDocument fetched, ContentFetcher fetcher)
    {
        if (fetched.Content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new SourceUnavailableException($"{location}: a zip archive (Universe's v2 repository layout) is not supported; give the URL of a universe.json, a repo-up-to-X.Y.json or a /repo endpoint");
        }
        if (PackageFacts.TryParse(fetched.Content) is not JsonObject document)
        {
            throw new SourceUnavailableException($"{location}: not a JSON object (expected an index.json or a DC/OS repository JSON)");
        }
        return IndexSource.Recognizes(document) ? new IndexSource(location, fetched.Address, document, fetcher)
            : DcosRepositorySource.Recognizes(document) ? new DcosRepositorySource(location, document, fetched.MediaType, fetched.Address)
            : throw new SourceUnavailableException($"{location}: neither an index.json (formatVersion, packages[].versions) nor a DC/OS repository JSON (packages[])");
    }
}
