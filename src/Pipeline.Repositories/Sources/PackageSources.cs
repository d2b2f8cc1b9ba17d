namespace Pipeline.Repositories.Sources;

/// <summary>Makes the <see cref="IPackageSource"/> for a configured location.</summary>
public static class PackageSources
{
    public static SourceKind KindOf(string location) => AsUrl(location) switch
    {
        { IsFile: true } file => Directory.Exists(file.LocalPath) ? SourceKind.LocalTree : SourceKind.RepositoryFile,
        not null => SourceKind.RepositoryFile,
        null => File.Exists(location) ? SourceKind.RepositoryFile : SourceKind.LocalTree,
    };

    public static IPackageSource Create(string location, ContentFetcher fetcher)
    {
        var url = AsUrl(location);
        return KindOf(location) switch
        {
            SourceKind.LocalTree => new LocalTreeSource(url?.LocalPath ?? location),
            _ => new RemoteSource(location, url ?? new Uri(Path.GetFullPath(location)), fetcher),
        };
    }

    /// <summary>An absolute http, https or file URL; null for a path.</summary>
    public static Uri? AsUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            && location.Contains("://", StringComparison.Ordinal)
            ? uri
            : null;
}
