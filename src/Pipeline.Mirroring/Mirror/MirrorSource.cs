using Pipeline.Mirroring.Images;
using Pipeline.Packages.Reading;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// The repository a mirror copies from. Every kind carries revision numbers that the mirror keeps:
/// a tree's folders, our index's <c>revision</c>, a DC/OS repository's <c>releaseVersion</c> (which
/// Universe's build takes from the revision folder).
/// </summary>
public sealed record MirrorSource(IPackageSource Packages)
{
    /// <summary>The root of a tree on disk, whose revision folders' README.md files are copied too; null for a repository file.</summary>
    public string? TreeRoot { get; init; }

    /// <summary>
    /// The image layout beside the tree when the tree is a bundle's <c>tree/</c> (its sibling
    /// <c>images/</c> holding <c>oci-layout</c>), where <c>mirror --images</c> takes the images it names.
    /// </summary>
    public string? ImagesLayout { get; init; }

    /// <summary>Opens a folder, or fetches a repository file (http, https, file URL or path) to tell which kind it is.</summary>
    /// <exception cref="SourceUnavailableException">The repository cannot be reached or is neither kind of file.</exception>
    public static async Task<MirrorSource> OpenAsync(string location, ContentFetcher fetcher, CancellationToken cancellationToken = default)
    {
        if (PackageSources.KindOf(location) == SourceKind.LocalTree)
        {
            var folder = PackageSources.AsUrl(location)?.LocalPath ?? location;
            var root = TreeLocator.FindRoot(folder, out _);
            return new MirrorSource(PackageSources.Create(location, fetcher)) { TreeRoot = root, ImagesLayout = BundleImages(root) };
        }
        var address = PackageSources.AsUrl(location) ?? new Uri(Path.GetFullPath(location));
        var fetched = await fetcher.FetchAsync(address, cancellationToken).ConfigureAwait(false);
        return new MirrorSource(RemoteSource.Read(location, fetched, fetcher));
    }

    private static string? BundleImages(string? treeRoot)
    {
        if (treeRoot is null || Path.GetFileName(treeRoot) != MirrorRequest.BundleTree || Path.GetDirectoryName(treeRoot) is not { } bundle) return null;
        var images = Path.Combine(bundle, MirrorRequest.ImagesFolderName);
        return OciImageLayout.IsLayout(images) ? images : null;
    }
}
