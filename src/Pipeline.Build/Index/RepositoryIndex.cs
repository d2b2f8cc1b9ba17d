namespace Pipeline.Build.Index;

/// <summary>
/// <c>index.json</c>, the condensed index (schema/v1/index.json): every package with its latest
/// version and each of its versions, newest first. Small enough for a client to load at once.
/// </summary>
public sealed record RepositoryIndex(
    string FormatVersion,
    IndexRepository Repository,
    IndexProvenance Source,
    IReadOnlyList<IndexPackage> Packages)
{
    public const string CurrentFormatVersion = "1";
    public const string FileName = "index.json";
}

public sealed record IndexRepository(string Name, string? Description);

/// <summary>Where the index was built from: the commit of the package tree, when known.</summary>
public sealed record IndexProvenance(string? Commit);

/// <summary>A package, described by its latest revision, with all its versions newest first.</summary>
public sealed record IndexPackage(
    string Name,
    string? Description,
    IReadOnlyList<string> Tags,
    string? Maintainer,
    bool Framework,
    bool Selected,
    IndexLatest Latest,
    IReadOnlyList<IndexVersion> Versions);

public sealed record IndexLatest(string? Version, int Revision);

/// <summary>
/// One revision. <see cref="Descriptors"/> are the descriptor names without the template suffix
/// ("marathon.json"); <see cref="Files"/> maps each file of the revision to its lower-case SHA-256.
/// </summary>
public sealed record IndexVersion(
    string? Version,
    int Revision,
    string? PackagingVersion,
    string? MinDcosReleaseVersion,
    IReadOnlyList<string> Descriptors,
    bool HasCli,
    IReadOnlyDictionary<string, string> Files);
