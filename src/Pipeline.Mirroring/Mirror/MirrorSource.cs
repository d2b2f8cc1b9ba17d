using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// The repository a mirror copies from, and whether its revision numbers are ours to keep: a
/// tree and our index.json carry revision numbers; a DC/OS repository JSON carries only
/// <c>releaseVersion</c>, so its versions are numbered from 0 in release order.
/// </summary>
public sealed record MirrorSource(IPackageSource Packages, bool KeepsRevisionNumbers)
{
    /// <summary>The root of a tree on disk, whose revision folders' README.md files are copied too; null for a repository file.</summary>
    public string? TreeRoot { get; init; }

    /// <summary>Opens a folder, or fetches a repository file (http, https, file URL or path) to tell which kind it is.</summary>
    /// <exception cref="SourceUnavailableException">The repository cannot be reached or is neither kind of file.</exception>
    public static async Task<MirrorSource> OpenAsync(string location, ContentFetcher fetcher, CancellationToken cancellationToken = default)
    {
        if (PackageSources.KindOf(location) == SourceKind.LocalTree)
        {
            var folder = PackageSources.AsUrl(location)?.LocalPath ?? location;
            return new MirrorSource(PackageSources.Create(location, fetcher), true) { TreeRoot = TreeLocator.FindRoot(folder, out _) };
        }
        var address = PackageSources.AsUrl(location) ?? new Uri(Path.GetFullPath(location));
        var fetched = await fetcher.FetchAsync(address, cancellationToken).ConfigureAwait(false);
        if (JsonParser.Parse(fetched.Content, new JsonParseOptions { MaxBytes = ContentFetcher.MaxBytes }).Root?.ToJsonNode() is not System.Text.Json.Nodes.JsonObject document)
        {
            throw new SourceUnavailableException($"{location}: not a JSON object (expected an index.json or a DC/OS repository JSON)");
        }
        if (IndexSource.Recognizes(document)) return new MirrorSource(new IndexSource(location, fetched.Address, document, fetcher), true);
        if (DcosRepositorySource.Recognizes(document)) return new MirrorSource(new DcosRepositorySource(location, document, fetched.MediaType), false);
        throw new SourceUnavailableException($"{location}: neither an index.json (formatVersion, packages[].versions) nor a DC/OS repository JSON (packages[])");
    }
}
