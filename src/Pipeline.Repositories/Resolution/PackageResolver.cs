using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Resolution;

/// <summary>
/// Resolves packages over the configured repositories in priority order: a name resolves in the
/// highest-priority repository that has it (a lower one never shadows it), a version must match
/// that repository's version string exactly, and without a version the highest release version
/// there is taken. Search and versions show the union. A repository that cannot be reached is
/// skipped with a <see cref="RepositoryWarning"/>; it never stops the others.
/// </summary>
public sealed class PackageResolver
{
    private readonly IReadOnlyList<ConfiguredSource> _sources;
    private Task<Listing[]>? _listings;

    /// <param name="sources">In priority order, highest first (see <see cref="Configuration.RepositoryConfig.ByPriority"/>).</param>
    public PackageResolver(IReadOnlyList<ConfiguredSource> sources) => _sources = sources;

    public async Task<SearchResult> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        var listings = await ListAllAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<SourcedPackage>();
        foreach (var listing in listings)
        {
            foreach (var latest in listing.Packages.GroupBy(p => p.Name).Select(g => g.MaxBy(p => p.ReleaseVersion)!))
            {
                if (Matches(latest, query)) found.Add(new SourcedPackage(listing.Source.Repository.Name, listing.Source.Repository.Priority, latest));
            }
        }
        // Stable sort: within one name the repositories stay in priority order.
        var ordered = found.OrderBy(p => p.Package.Name, StringComparer.Ordinal).ToArray();
        return new SearchResult(ordered, Warnings(listings));
    }

    public async Task<VersionsResult> VersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var listings = await ListAllAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<SourcedPackage>();
        string? resolvesIn = null;
        foreach (var listing in listings)
        {
            var mine = listing.Packages.Where(p => p.Name == name).OrderByDescending(p => p.ReleaseVersion).ToArray();
            if (mine.Length > 0) resolvesIn ??= listing.Source.Repository.Name;
            versions.AddRange(mine.Select(p => new SourcedPackage(listing.Source.Repository.Name, listing.Source.Repository.Priority, p)));
        }
        return new VersionsResult(name, versions, resolvesIn, Warnings(listings));
    }

    public async Task<ResolveResult> ResolveAsync(PackageReference reference, CancellationToken cancellationToken = default)
    {
        var listings = await ListAllAsync(cancellationToken).ConfigureAwait(false);
        var warnings = Warnings(listings).ToList();
        var home = listings.FirstOrDefault(l => l.Packages.Any(p => p.Name == reference.Name));
        if (home is null)
        {
            var where = _sources.Count == 0 ? "no repositories are configured (add one with `universe repo add`)" : "it is in none of the reachable repositories";
            return new ResolveResult(reference, null, null, $"package `{reference.Name}` not found: {where}", warnings);
        }
        var candidates = home.Packages.Where(p => p.Name == reference.Name).ToArray();
        var chosen = reference.Version is null
            ? candidates.MaxBy(p => p.ReleaseVersion)
            : candidates.Where(p => p.Version == reference.Version).MaxBy(p => p.ReleaseVersion);
        var repository = home.Source.Repository;
        if (chosen is null)
        {
            var elsewhere = listings.Where(l => l != home && l.Packages.Any(p => p.Name == reference.Name && p.Version == reference.Version))
                .Select(l => $"`{l.Source.Repository.Name}`").ToArray();
            var hint = elsewhere.Length > 0 ? $"; lower-priority {string.Join(", ", elsewhere)} {(elsewhere.Length == 1 ? "has" : "have")} it but `{repository.Name}` takes precedence for `{reference.Name}`" : "";
            var available = string.Join(", ", candidates.OrderByDescending(p => p.ReleaseVersion).Select(p => p.Version));
            return new ResolveResult(reference, null, repository,
                $"`{reference.Name}` has no version `{reference.Version}` in `{repository.Name}` (versions there: {available}){hint}", warnings);
        }
        try
        {
            var package = await home.Source.Source.GetAsync(chosen.Name, chosen.Version, cancellationToken).ConfigureAwait(false);
            return package is null
                ? new ResolveResult(reference, null, repository, $"`{repository.Name}` lists {chosen.Name} {chosen.Version} but could not provide it", warnings)
                : new ResolveResult(reference, package, repository, null, warnings);
        }
        catch (SourceUnavailableException e)
        {
            warnings.Add(new RepositoryWarning(repository.Name, e.Message));
            return new ResolveResult(reference, null, repository, $"{chosen.Name} {chosen.Version} could not be fetched from `{repository.Name}`", warnings);
        }
    }

    private static bool Matches(PackageSummary package, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        var q = query.Trim();
        return package.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
            || (package.Description?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
            || package.Tags.Any(t => t.Contains(q, StringComparison.OrdinalIgnoreCase));
    }

    private static RepositoryWarning[] Warnings(Listing[] listings) =>
        listings.Where(l => l.Problem is not null).Select(l => new RepositoryWarning(l.Source.Repository.Name, l.Problem!)).ToArray();

    /// <summary>Every repository listed once per resolver, all at the same time; failures become problems.</summary>
    private Task<Listing[]> ListAllAsync(CancellationToken cancellationToken) =>
        _listings ??= Task.WhenAll(_sources.Select(source => ListAsync(source, cancellationToken)));

    private static async Task<Listing> ListAsync(ConfiguredSource source, CancellationToken cancellationToken)
    {
        try
        {
            var packages = await source.Source.ListAsync(cancellationToken).ConfigureAwait(false);
            return new Listing(source, packages, null);
        }
        catch (SourceUnavailableException e)
        {
            return new Listing(source, [], e.Message);
        }
    }

    private sealed record Listing(ConfiguredSource Source, IReadOnlyList<PackageSummary> Packages, string? Problem);
}
