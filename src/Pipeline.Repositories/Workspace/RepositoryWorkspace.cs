using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Workspace;

/// <summary>
/// The repositories a user has configured, as the consuming commands (search, describe, versions,
/// render, cli install, mirror, promote, serve) find and use them: the repositories file, a
/// resolver over it, and what a name or location given on the command line points at.
/// </summary>
public static class RepositoryWorkspace
{
    /// <summary>
    /// The repositories file: <paramref name="option"/> (--config) against the working folder, else
    /// the default under XDG_CONFIG_HOME or HOME; null when neither is set.
    /// </summary>
    public static string? ConfigPath(string? option, ProcessEnvironment environment) =>
        option is not null ? environment.FullPath(option) : ConfigPaths.Default(name => environment[name]);

    /// <summary>A resolver over the configured repositories, highest priority first, fetching remote ones with <paramref name="http"/>.</summary>
    public static PackageResolver Resolver(RepositoryConfig config, HttpClient http)
    {
        var fetcher = new ContentFetcher(http);
        return new PackageResolver(config.ByPriority.Select(entry => new ConfiguredSource(entry, PackageSources.Create(entry.Location, fetcher))).ToArray());
    }

    /// <summary>
    /// A configured repository's location when <paramref name="text"/> names one, else the text
    /// itself: a URL as given, a path against the working folder.
    /// </summary>
    public static string Locate(string text, RepositoryConfig config, ProcessEnvironment environment)
    {
        if (config.Find(text) is { } entry) return entry.Location;
        return PackageSources.AsUrl(text) is not null ? text : environment.FullPath(text);
    }

    /// <summary>The DCOS_PACKAGE_SOURCE of a repository: its URL, or a file URL for a path.</summary>
    public static string SourceUri(RepositoryEntry repository) =>
        PackageSources.AsUrl(repository.Location)?.AbsoluteUri ?? new Uri(Path.GetFullPath(repository.Location)).AbsoluteUri;
}
