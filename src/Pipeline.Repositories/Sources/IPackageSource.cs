namespace Pipeline.Repositories.Sources;

/// <summary>
/// A repository of packages as the CLI consumes it. Implementations cache what they fetched for
/// their lifetime (one command) and throw <see cref="SourceUnavailableException"/> when the
/// repository cannot be reached or read; a package or version that is not there is null.
/// </summary>
public interface IPackageSource
{
    /// <summary>Where it reads from, as configured.</summary>
    string Location { get; }

    /// <summary>Every version of every package, in no particular order.</summary>
    Task<IReadOnlyList<PackageSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One version in full, or null when the repository has no such version.</summary>
    Task<PackageDefinition?> GetAsync(string name, string version, CancellationToken cancellationToken = default);

    /// <summary>
    /// The listed revision in full. Only a DC/OS repository may list one version in several
    /// revisions (<see cref="GetAsync"/> gives the highest); elsewhere this is that version.
    /// </summary>
    Task<PackageDefinition?> GetRevisionAsync(PackageSummary revision, CancellationToken cancellationToken = default) =>
        GetAsync(revision.Name, revision.Version, cancellationToken);
}
