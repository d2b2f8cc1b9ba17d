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

    private async Task<IPackageSource> OpenAsync(CancellationToken cancellationToken)
    {
        if (_inner is not null) return _inner;
        var fetched = await fetcher.FetchAsync(address, cancellationToken).ConfigureAwait(false);
        if (PackageFacts.TryParse(fetched.Content) is not JsonObject document)
        {
            throw new SourceUnavailableException($"{Location}: not a JSON object (expected an index.json or a DC/OS repository JSON)");
        }
        _inner = IndexSource.Recognizes(document) ? new IndexSource(Location, fetched.Address, document, fetcher)
            : DcosRepositorySource.Recognizes(document) ? new DcosRepositorySource(Location, document, fetched.MediaType)
            : throw new SourceUnavailableException($"{Location}: neither an index.json (formatVersion, packages[].versions) nor a DC/OS repository JSON (packages[])");
        return _inner;
    }
}
