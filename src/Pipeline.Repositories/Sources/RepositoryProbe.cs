using System.Globalization;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// What <c>repo add</c> finds at a location by reading it once: what kind of repository it is and
/// how much it holds, or that it could not be reached (it may be added before its server is up),
/// or that it answered with something that is no repository (refused, with the reason).
/// </summary>
public sealed record RepositoryProbe(string? Description, string? Unreachable, string? Refusal)
{
    /// <exception cref="OperationCanceledException">Only the caller's own cancellation.</exception>
    public static async Task<RepositoryProbe> RunAsync(string location, ContentFetcher fetcher, CancellationToken cancellationToken = default)
    {
        IPackageSource source;
        if (PackageSources.KindOf(location) == SourceKind.LocalTree)
        {
            source = PackageSources.Create(location, fetcher);
        }
        else
        {
            FetchedDocument fetched;
            try
            {
                fetched = await fetcher.FetchAsync(PackageSources.AsUrl(location) ?? new Uri(Path.GetFullPath(location)), cancellationToken).ConfigureAwait(false);
            }
            catch (SourceUnavailableException e)
            {
                return new RepositoryProbe(null, e.Message, null);
            }
            try
            {
                source = RemoteSource.Read(location, fetched, fetcher);
            }
            catch (SourceUnavailableException e)
            {
                return new RepositoryProbe(null, null, e.Message);
            }
        }
        try
        {
            var listing = await source.ListAsync(cancellationToken).ConfigureAwait(false);
            return new RepositoryProbe(Describe(source, listing), null, null);
        }
        catch (SourceUnavailableException e)
        {
            return new RepositoryProbe(null, null, e.Message);
        }
    }

    private static string Describe(IPackageSource source, IReadOnlyList<PackageSummary> listing)
    {
        var (kind, unit) = source switch
        {
            DcosRepositorySource dcos => (dcos.RepositoryVersion is { } version ? $"DC/OS repository {version}" : "DC/OS repository", "revisions"),
            IndexSource => ("index.json", "versions"),
            _ => ("universe tree", "versions"),
        };
        var packages = listing.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count();
        return string.Create(CultureInfo.InvariantCulture, $"{kind}, {listing.Count} {unit} of {packages} packages");
    }
}
