using Pipeline.Mirroring.Downloads;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// Decides where every asset of a run goes, revision after revision in the order they are
/// selected, before their downloads start: so the paths, the manifest and the rewritten
/// resource.json files are the same whatever order downloads finish in. A URL is one file for the
/// whole run (two revisions referencing it share one download, in the path of the first); a URL
/// the manifest records keeps its path; a path held by another URL gets a numbered name.
/// Not thread-safe: the run plans on one thread, holding its lock (the manifest is read).
/// </summary>
internal sealed class AssetPlanner
{
    private readonly MirrorManifest _manifest;
    private readonly string _target;
    private readonly Dictionary<string, AssetFile> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly List<AssetFile> _files = [];

    public AssetPlanner(MirrorManifest manifest, string target)
    {
        _manifest = manifest;
        _target = target;
        // A file the manifest gives to one URL is never overwritten by another's: a revision already done may point at it.
        foreach (var asset in manifest.Assets.OrderBy(a => a.Url, StringComparer.Ordinal)) _owners.TryAdd(asset.Path, asset.Url);
    }

    /// <summary>Every file planned so far, in the order planned.</summary>
    public IReadOnlyList<AssetFile> Files => _files;

    public IReadOnlyList<AssetReference> Plan(PackageDefinition package, IReadOnlyList<ResourceAsset> assets)
    {
        var references = new List<AssetReference>(assets.Count);
        foreach (var asset in assets)
        {
            var first = !_byUrl.TryGetValue(asset.Url.AbsoluteUri, out var file);
            if (first)
            {
                file = NewFile(package, asset);
                _byUrl[asset.Url.AbsoluteUri] = file;
                _files.Add(file);
            }
            references.Add(new AssetReference(asset, file!, first));
        }
        return references;
    }

    private AssetFile NewFile(PackageDefinition package, ResourceAsset asset)
    {
        var url = asset.Url.AbsoluteUri;
        var expected = Sha256Digest.Normalize(asset.Sha256);
        var recorded = _manifest.Asset(asset.Url);
        var relative = recorded is not null && AssetPaths.IsPlain(recorded.Path) && _owners.GetValueOrDefault(recorded.Path) == url
            ? recorded.Path
            : UniquePath(package, asset.Url);
        _owners[relative] = url;
        var destination = Path.Combine(_target, relative.Replace('/', Path.DirectorySeparatorChar));
        var present = recorded is not null && recorded.Path == relative && (expected is null || expected == recorded.Sha256)
            && new FileInfo(destination) is { Exists: true } existing && existing.Length == recorded.Bytes;
        return new AssetFile(asset.Url, relative, destination, expected) { Present = present ? recorded : null };
    }

    /// <summary>The asset's path in its package version; a path another URL holds gets a numbered name.</summary>
    private string UniquePath(PackageDefinition package, Uri url)
    {
        var name = AssetPaths.FileName(url);
        var relative = AssetPaths.Relative(package.Name, package.Version, name);
        for (var n = 2; _owners.TryGetValue(relative, out var other) && other != url.AbsoluteUri; n++)
        {
            relative = AssetPaths.Relative(package.Name, package.Version, $"{n}-{name}");
        }
        return relative;
    }
}
