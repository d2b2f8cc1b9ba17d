using System.Text.Json.Nodes;
using Pipeline.Mirroring.Downloads;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Sources;
using Pipeline.Validation;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// Copies the selected versions of a repository into a universe tree (or a bundle), downloading
/// and verifying their files when asked, and records its progress in the manifest so that a
/// second run skips what is done. Problems (a package not found, a digest that does not match)
/// are reported and the run goes on; the tree is validated at the end.
/// </summary>
public sealed class PackageMirror(VerifiedDownloader downloader, IMirrorObserver? observer = null)
{
    private readonly IMirrorObserver _observer = observer ?? new SilentObserver();

    /// <exception cref="SourceUnavailableException">The source cannot be listed.</exception>
    /// <exception cref="IOException">The target cannot be written.</exception>
    public async Task<MirrorReport> RunAsync(MirrorSource source, MirrorRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Assets && request.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            throw new ArgumentException("assets need an absolute http(s) base URL to be served from", nameof(request));
        }
        var baseUrl = request.Assets ? WithSlash(request.BaseUrl!) : null;
        var problems = new List<string>();
        var listing = await source.Packages.ListAsync(cancellationToken).ConfigureAwait(false);
        var selected = PackageSelection.Select(listing, request, problems);
        foreach (var problem in problems) _observer.Problem(problem);
        _observer.Planned(selected);

        Directory.CreateDirectory(Path.Combine(request.TreeRoot, TreeLocator.PackagesFolder));
        var manifest = MirrorManifest.Load(request.ManifestPath);
        manifest.Source = source.Packages.Location;
        var run = new Run(request, baseUrl, manifest, problems);
        foreach (var revision in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (manifest.IsDone(revision, baseUrl) && Directory.Exists(Path.Combine(request.TreeRoot, RevisionWriter.RelativeFolder(revision.Name, revision.Revision)!)))
            {
                run.Skipped.Add(revision);
                _observer.RevisionDone(revision, skipped: true);
                continue;
            }
            await MirrorRevisionAsync(source, revision, run, cancellationToken).ConfigureAwait(false);
        }
        manifest.Save(request.ManifestPath);

        if (request.Bundle && (run.Mirrored.Count > 0 || !File.Exists(Path.Combine(request.SiteFolder, "index.json"))))
        {
            foreach (var diagnostic in BundleSite.Build(request.TreeRoot, request.SiteFolder)) Report(problems, $"site: {diagnostic}");
        }
        var validation = TreeValidator.Validate(PackageTreeReader.Read(request.TreeRoot, new TreeReaderOptions { LoadContent = false }));
        return new MirrorReport
        {
            Mirrored = run.Mirrored,
            Skipped = run.Skipped,
            Downloads = run.Downloads,
            DownloadsSkipped = run.DownloadsSkipped,
            DockerImages = run.DockerImages,
            Problems = problems,
            Validation = validation,
        };
    }

    private async Task MirrorRevisionAsync(MirrorSource source, SelectedRevision revision, Run run, CancellationToken cancellationToken)
    {
        PackageDefinition? package;
        try
        {
            package = await source.Packages.GetRevisionAsync(revision.Package, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceUnavailableException e)
        {
            Report(run.Problems, $"{revision.Name} {revision.Version}: {e.Message}");
            return;
        }
        if (package is null)
        {
            Report(run.Problems, $"{revision.Name} {revision.Version}: listed but the repository could not provide it");
            return;
        }
        var resource = package.Resource?.DeepClone() as JsonObject;
        var complete = true;
        if (run.BaseUrl is not null && resource is not null)
        {
            complete = await MirrorAssetsAsync(package, resource, run, cancellationToken).ConfigureAwait(false);
        }
        var readme = RevisionWriter.SourceReadme(source.TreeRoot, revision.Name, package.ReleaseVersion);
        if (RevisionWriter.Write(run.Request.TreeRoot, revision.Revision, package, resource, readme) is { } problem)
        {
            Report(run.Problems, problem);
            return;
        }
        run.Mirrored.Add(revision);
        // A revision with a failed download is written (pointing upstream) but not recorded, so the next run tries again.
        if (complete) run.Manifest.MarkDone(revision, run.BaseUrl);
        else run.Manifest.Forget(revision);
        run.Manifest.Save(run.Request.ManifestPath);
        _observer.RevisionDone(revision, skipped: false);
    }

    private async Task<bool> MirrorAssetsAsync(PackageDefinition package, JsonObject resource, Run run, CancellationToken cancellationToken)
    {
        var found = ResourceAssets.Find(resource);
        foreach (var image in found.DockerImages)
        {
            run.DockerImages.Add(image);
            run.Manifest.AddDockerImage(package.Name, package.Version, image);
        }
        var complete = true;
        var files = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var asset in found.Downloads)
        {
            var relative = UniquePath(package, asset.Url, files);
            var destination = Path.Combine(run.Request.Target, relative.Replace('/', Path.DirectorySeparatorChar));
            var expected = Sha256Digest.Normalize(asset.Sha256);
            if (run.Manifest.Asset(asset.Url) is { } done && done.Path == relative && (expected is null || expected == done.Sha256)
                && new FileInfo(destination) is { Exists: true } existing && existing.Length == done.Bytes)
            {
                run.DownloadsSkipped++;
                asset.Rewrite(new Uri(run.BaseUrl!, relative));
                _observer.DownloadDone(new DownloadResult(asset.Url, destination, done.Sha256, done.Bytes, null), skipped: true);
                continue;
            }
            _observer.DownloadStarted(asset.Url);
            var progress = new Progress(_observer);
            var result = await downloader.DownloadAsync(asset.Url, destination, asset.Sha256, progress, cancellationToken).ConfigureAwait(false);
            _observer.DownloadDone(result, skipped: false);
            run.Downloads.Add(result);
            if (!result.Succeeded)
            {
                complete = false;
                Report(run.Problems, $"{package.Name} {package.Version}: {asset.Pointer}: {result.Problem}");
                continue;
            }
            run.Manifest.AddAsset(new AssetEntry(asset.Url.AbsoluteUri, relative, result.Sha256!, result.Bytes));
            asset.Rewrite(new Uri(run.BaseUrl!, relative));
        }
        return complete;
    }

    /// <summary>The asset's path; a second URL with the same file name in one version gets a numbered name.</summary>
    private static string UniquePath(PackageDefinition package, Uri url, Dictionary<string, Uri> files)
    {
        var name = AssetPaths.FileName(url);
        var relative = AssetPaths.Relative(package.Name, package.Version, name);
        for (var n = 2; files.TryGetValue(relative, out var other) && other != url; n++)
        {
            relative = AssetPaths.Relative(package.Name, package.Version, $"{n}-{name}");
        }
        files[relative] = url;
        return relative;
    }

    private void Report(List<string> problems, string problem)
    {
        problems.Add(problem);
        _observer.Problem(problem);
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private sealed class Run(MirrorRequest request, Uri? baseUrl, MirrorManifest manifest, List<string> problems)
    {
        public MirrorRequest Request { get; } = request;
        public Uri? BaseUrl { get; } = baseUrl;
        public MirrorManifest Manifest { get; } = manifest;
        public List<string> Problems { get; } = problems;
        public List<SelectedRevision> Mirrored { get; } = [];
        public List<SelectedRevision> Skipped { get; } = [];
        public List<DownloadResult> Downloads { get; } = [];
        public List<DockerImage> DockerImages { get; } = [];
        public int DownloadsSkipped { get; set; }
    }

    /// <summary>Reports synchronously (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Progress(IMirrorObserver observer) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => observer.DownloadProgressed(value);
    }

    private sealed class SilentObserver : IMirrorObserver;
}
