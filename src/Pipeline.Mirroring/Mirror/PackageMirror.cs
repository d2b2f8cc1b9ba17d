using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Images;
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
/// Revisions are read and their assets planned one after another; the downloads run
/// concurrently (<see cref="MirrorRequest.Concurrency"/>) across revisions, and each revision is
/// written as soon as its own files are in. With images asked for, each revision's Docker images
/// are copied (and pushed) after its assets, by <see cref="ImageMirror"/>, one revision at a time.
/// </summary>
/// <param name="registries">Required when a request asks for images.</param>
public sealed class PackageMirror(VerifiedDownloader downloader, IMirrorObserver? observer = null, RegistryClient? registries = null)
{
    private readonly IMirrorObserver _observer = observer ?? new SilentObserver();

    /// <exception cref="SourceUnavailableException">The source cannot be listed.</exception>
    /// <exception cref="IOException">The target cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: every download is stopped, their <c>.part</c> files kept for the next run.</exception>
    public async Task<MirrorReport> RunAsync(MirrorSource source, MirrorRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Assets && request.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            throw new ArgumentException("assets need an absolute http(s) base URL to be served from", nameof(request));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Concurrency, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Concurrency, MirrorRequest.MaxConcurrency, nameof(request));
        if (request.Images && registries is null) throw new ArgumentException("images need a registry client", nameof(request));
        var baseUrl = request.Assets ? WithSlash(request.BaseUrl!) : null;
        var problems = new List<string>();
        var listing = await source.Packages.ListAsync(cancellationToken).ConfigureAwait(false);
        var selected = PackageSelection.Select(listing, request, problems);
        foreach (var problem in problems) _observer.Problem(problem);
        _observer.Planned(selected);

        Directory.CreateDirectory(Path.Combine(request.TreeRoot, TreeLocator.PackagesFolder));
        var manifest = MirrorManifest.Load(request.ManifestPath);
        manifest.Source = source.Packages.Location;
        var images = request.Images
            ? new ImageMirror(registries!, new ImageMirrorOptions { LayoutFolder = request.ImagesFolder, Platforms = request.Platforms, PushTo = request.PushTo, Concurrency = request.Concurrency, SourceLayoutFolder = source.ImagesLayout })
            : null;
        var run = new MirrorRun(request, baseUrl, manifest, images);
        var revisions = await MirrorRevisionsAsync(source, selected, run, cancellationToken).ConfigureAwait(false);
        problems.AddRange(revisions.SelectMany(r => r.Problems));

        var mirrored = revisions.Where(r => r.Written).Select(r => r.Revision).ToArray();
        if (request.Bundle && (mirrored.Length > 0 || !File.Exists(Path.Combine(request.SiteFolder, "index.json"))))
        {
            foreach (var diagnostic in BundleSite.Build(request.TreeRoot, request.SiteFolder)) Report(problems, $"site: {diagnostic}");
        }
        var validation = TreeValidator.Validate(PackageTreeReader.Read(request.TreeRoot, new TreeReaderOptions { LoadContent = false }));
        return new MirrorReport
        {
            Mirrored = mirrored,
            Skipped = revisions.Where(r => r.Skipped).Select(r => r.Revision).ToArray(),
            Downloads = run.Planner.Files.Where(f => f.Download is { IsCompletedSuccessfully: true }).Select(f => f.Download!.Result).ToArray(),
            DownloadsSkipped = revisions.Sum(r => r.DownloadsSkipped),
            DockerImages = run.DockerImages,
            Images = images?.Counts,
            Problems = problems,
            Validation = validation,
        };
    }

    /// <summary>Every selected revision, in selection order; on an exception, every download is stopped before it is thrown.</summary>
    private async Task<RevisionOutcome[]> MirrorRevisionsAsync(MirrorSource source, IReadOnlyList<SelectedRevision> selected, MirrorRun run, CancellationToken cancellationToken)
    {
        using var downloads = new AssetDownloads(downloader, run.Request.Concurrency, _observer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = new List<Task<RevisionOutcome>>(selected.Count);
        try
        {
            foreach (var revision in selected)
            {
                stop.Token.ThrowIfCancellationRequested();
                bool done;
                lock (run.Lock) done = run.Manifest.IsDone(revision, run.BaseUrl);
                // With images a done revision is visited again: tags are looked up anew, blobs already copied are not.
                if (done && run.Images is null && Directory.Exists(Path.Combine(run.Request.TreeRoot, RevisionWriter.RelativeFolder(revision.Name, revision.Revision)!)))
                {
                    _observer.RevisionDone(revision, skipped: true);
                    outcomes.Add(Task.FromResult(new RevisionOutcome(revision) { Skipped = true }));
                    continue;
                }
                outcomes.Add(await StartRevisionAsync(source, revision, run, downloads, stop).ConfigureAwait(false));
            }
            return await Task.WhenAll(outcomes).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(outcomes)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // A revision that could not be written stopped the rest: its exception is the one to tell.
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                && outcomes.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
            throw;
        }
        finally
        {
            // Downloads finished for revisions not yet written are on record too, so the next run does not fetch them again.
            lock (run.Lock) run.Manifest.Save(run.Request.ManifestPath);
        }
    }

    /// <summary>Reads the revision and plans its assets now, in order; starts their downloads; returns the task that writes it when they are in.</summary>
    private async Task<Task<RevisionOutcome>> StartRevisionAsync(MirrorSource source, SelectedRevision revision, MirrorRun run, AssetDownloads downloads, CancellationTokenSource stop)
    {
        var outcome = new RevisionOutcome(revision);
        PackageDefinition? package;
        try
        {
            package = await source.Packages.GetRevisionAsync(revision.Package, stop.Token).ConfigureAwait(false);
        }
        catch (SourceUnavailableException e)
        {
            Report(outcome.Problems, $"{revision.Name} {revision.Version}: {e.Message}");
            return Task.FromResult(outcome);
        }
        if (package is null)
        {
            Report(outcome.Problems, $"{revision.Name} {revision.Version}: listed but the repository could not provide it");
            return Task.FromResult(outcome);
        }
        var resource = package.Resource?.DeepClone() as JsonObject;
        IReadOnlyList<AssetReference> assets = [];
        if (run.BaseUrl is not null && resource is not null)
        {
            var found = ResourceAssets.Find(resource);
            lock (run.Lock)
            {
                foreach (var image in found.DockerImages)
                {
                    run.DockerImages.Add(image);
                    run.Manifest.AddDockerImage(package.Name, package.Version, image);
                }
                assets = run.Planner.Plan(package, found.Downloads);
            }
            foreach (var file in assets.Where(a => a.First).Select(a => a.File))
            {
                if (file.Present is { } present) _observer.DownloadDone(new DownloadResult(file.Url, file.Destination, present.Sha256, present.Bytes, null), skipped: true);
                else file.Download = DownloadAsync(file, run, downloads, stop.Token);
            }
        }
        return CompleteRevisionAsync(source, package, resource, assets, outcome, run, stop);
    }

    private async Task<DownloadResult> DownloadAsync(AssetFile file, MirrorRun run, AssetDownloads downloads, CancellationToken cancellationToken)
    {
        var result = await downloads.RunAsync(file, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            lock (run.Lock) run.Manifest.AddAsset(new AssetEntry(file.Url.AbsoluteUri, file.Path, result.Sha256!, result.Bytes));
        }
        return result;
    }

    private async Task<RevisionOutcome> CompleteRevisionAsync(MirrorSource source, PackageDefinition package, JsonObject? resource,
        IReadOnlyList<AssetReference> assets, RevisionOutcome outcome, MirrorRun run, CancellationTokenSource stop)
    {
        try
        {
            var complete = await RewriteAssetsAsync(package, assets, outcome, run).ConfigureAwait(false);
            if (run.Images is not null)
            {
                // ImageMirror copies each image once per run and is not thread-safe: one revision's images at a time
                // (its blob transfers run concurrently within).
                await run.ImagesGate.WaitAsync(stop.Token).ConfigureAwait(false);
                try
                {
                    var step = await run.Images.MirrorAsync(package, resource, stop.Token).ConfigureAwait(false);
                    foreach (var line in step.Problems) Report(outcome.Problems, line);
                    complete &= step.Problems.Count == 0;
                    package = package with { Descriptors = step.Descriptors };
                }
                finally
                {
                    run.ImagesGate.Release();
                }
            }
            var revision = outcome.Revision;
            var readme = RevisionWriter.SourceReadme(source.TreeRoot, revision.Name, package.ReleaseVersion);
            if (RevisionWriter.Write(run.Request.TreeRoot, revision.Revision, package, resource, readme) is { } problem)
            {
                Report(outcome.Problems, problem);
                return outcome;
            }
            outcome.Written = true;
            lock (run.Lock)
            {
                // A revision with a failed download is written (pointing upstream) but not recorded, so the next run tries again.
                if (complete) run.Manifest.MarkDone(revision, run.BaseUrl);
                else run.Manifest.Forget(revision);
                run.Manifest.Save(run.Request.ManifestPath);
            }
            _observer.RevisionDone(revision, skipped: false);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for the revision's files and points each asset that has its file at the mirror; false when one has none.</summary>
    private async Task<bool> RewriteAssetsAsync(PackageDefinition package, IReadOnlyList<AssetReference> assets, RevisionOutcome outcome, MirrorRun run)
    {
        var complete = true;
        foreach (var (asset, file, first) in assets)
        {
            if (file.Present is null)
            {
                var result = await file.Download!.ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    complete = false;
                    Report(outcome.Problems, $"{package.Name} {package.Version}: {asset.Pointer}: {result.Problem}");
                    continue;
                }
                // The file was fetched for the URL's first reference; this one may expect another digest.
                if (Sha256Digest.Normalize(asset.Sha256) is { } expected && expected != result.Sha256)
                {
                    complete = false;
                    Report(outcome.Problems, $"{package.Name} {package.Version}: {asset.Pointer}: {asset.Url}: sha256 mismatch: expected {expected}, got {result.Sha256}");
                    continue;
                }
            }
            if (file.Present is not null || !first) outcome.DownloadsSkipped++;
            asset.Rewrite(new Uri(run.BaseUrl!, file.Path));
        }
        return complete;
    }

    private void Report(List<string> problems, string problem)
    {
        problems.Add(problem);
        _observer.Problem(problem);
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private sealed class SilentObserver : IMirrorObserver;
}
