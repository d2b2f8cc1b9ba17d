using System.CommandLine;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Diagnostics.Runs;
using Pipeline.Diagnostics;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Images;
using Pipeline.Mirroring.Mirror;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;
using Pipeline.Repositories.Workspace;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe mirror --from REPO (--include NAME[@VERSION]... | --all) --to DIR [--assets --base-url URL]
/// [--bundle] [--images [--platform OS/ARCH]... [--push-to REGISTRY]] [--concurrency N] [--config FILE]</c>: copies packages into a local tree or an air-gapped bundle.
/// </summary>
public static class MirrorCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var from = new Option<string>("--from") { Description = "A configured repository's name, or a location: a folder, or the URL of an index.json or DC/OS repository JSON.", Required = true };
        var include = new Option<string[]>("--include") { Description = "A package (every version) or PKG@VERSION (that one); repeatable." };
        var all = new Option<bool>("--all") { Description = "Every version of every package." };
        var to = new Option<string>("--to") { Description = "The folder to write: a universe tree, or the bundle with --bundle. Running again continues where it stopped.", Required = true };
        var assets = new Option<bool>("--assets") { Description = "Download images, asset URIs and CLI binaries (verifying sha256) into DIR/assets and rewrite their URLs to --base-url." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where DIR will be served from, e.g. https://mirror.example.com/universe/ (required with --assets)." };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = $"Asset downloads and image blob transfers at once, across packages (1 to {MirrorRequest.MaxConcurrency}; default {MirrorRequest.DefaultConcurrency}).",
            DefaultValueFactory = _ => MirrorRequest.DefaultConcurrency,
        };
        var bundle = new Option<bool>("--bundle") { Description = "Write a self-contained bundle: the tree under DIR/tree, the built site and index under DIR/site." };
        var images = new Option<bool>("--images") { Description = "Copy the Docker images the packages name (resource.json and rendered Marathon descriptors) into DIR/images, an OCI image layout. From a bundle's tree/ they are taken from the bundle's images/ (verified by digest), others from their registries. Credentials come from the Docker config.json." };
        var platform = new Option<string[]>("--platform") { Description = "With --images: copy only this platform of multi-platform images, e.g. linux/amd64 or linux/arm64/v8; repeatable (default: all)." };
        var pushTo = new Option<string?>("--push-to") { Description = "With --images: push the images to this registry (host[:port][/prefix]) and point the packages at it by digest." };
        var config = RepositoryCommandLine.ConfigOption();
        var command = new Command("mirror", "Copy selected packages from a repository into a local tree or an air-gapped bundle.")
        {
            from, include, all, to, assets, baseUrl, bundle, images, platform, pushTo, concurrency, config,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, environment, new Settings(parsed.GetValue(from)!, parsed.GetValue(include) ?? [], parsed.GetValue(all),
            parsed.GetValue(to)!, parsed.GetValue(assets), parsed.GetValue(baseUrl), parsed.GetValue(bundle), parsed.GetValue(config))
        {
            Images = parsed.GetValue(images),
            Platforms = parsed.GetValue(platform) ?? [],
            PushTo = parsed.GetValue(pushTo),
            Concurrency = parsed.GetValue(concurrency),
        }, cancellationToken));
        return command;
    }

    public sealed record Settings(string From, IReadOnlyList<string> Includes, bool All, string To, bool Assets, string? BaseUrl, bool Bundle, string? Config)
    {
        public bool Images { get; init; }

        public IReadOnlyList<string> Platforms { get; init; } = [];

        public string? PushTo { get; init; }

        public int Concurrency { get; init; } = MirrorRequest.DefaultConcurrency;
    }

    public static async Task<int> RunAsync(CliConsole console, ProcessEnvironment environment, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.All == settings.Includes.Count > 0)
        {
            console.Error.WriteLine("universe mirror: give either --include NAME[@VERSION]... or --all");
            return ExitCodes.Failure;
        }
        if (settings.Concurrency is < 1 or > MirrorRequest.MaxConcurrency)
        {
            console.Error.WriteLine($"universe mirror: --concurrency must be between 1 and {MirrorRequest.MaxConcurrency} (downloads at once), not {settings.Concurrency}");
            return ExitCodes.Failure;
        }
        var includes = new List<PackageReference>();
        foreach (var text in settings.Includes)
        {
            if (PackageReference.Parse(text) is not { } reference)
            {
                console.Error.WriteLine($"universe mirror: `{text}` is not NAME or NAME@VERSION");
                return ExitCodes.Failure;
            }
            includes.Add(reference);
        }
        Uri? baseUrl = null;
        if (settings.Assets && (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
        {
            console.Error.WriteLine("universe mirror: --assets needs --base-url, the absolute http(s) URL the target folder will be served from");
            return ExitCodes.Failure;
        }
        if (MirrorImageOptions.Parse(console, settings) is not { } imageSettings) return ExitCodes.Failure;
        var request = new MirrorRequest
        {
            Target = environment.FullPath(settings.To),
            Includes = includes,
            All = settings.All,
            Assets = settings.Assets,
            BaseUrl = baseUrl,
            Bundle = settings.Bundle,
            Images = settings.Images,
            Platforms = imageSettings.Platforms,
            PushTo = imageSettings.PushTo,
            Concurrency = settings.Concurrency,
        };
        using var http = UpstreamClient.ForDownloads();
        var registries = settings.Images ? MirrorImageOptions.Registries(console, environment, http) : null;
        var observer = new MirrorProgress(console, TimeProvider.System);
        try
        {
            var source = await MirrorSource.OpenAsync(Location(settings, environment), new ContentFetcher(http), cancellationToken).ConfigureAwait(false);
            var report = await new PackageMirror(new VerifiedDownloader(http), observer, registries).RunAsync(source, request, cancellationToken).ConfigureAwait(false);
            observer.Finish();
            return Summarize(console, request, report);
        }
        catch (OperationCanceledException)
        {
            observer.Finish();
            throw;
        }
        catch (SourceUnavailableException e)
        {
            observer.Finish();
            console.Error.WriteLine($"universe mirror: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            observer.Finish();
            console.Error.WriteLine($"universe mirror: cannot write {request.Target}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>A configured repository's location when --from names one, else --from itself; a configuration that cannot be read names none.</summary>
    private static string Location(Settings settings, ProcessEnvironment environment)
    {
        var configPath = RepositoryWorkspace.ConfigPath(settings.Config, environment);
        var config = configPath is null ? null : RepositoryConfigFile.Load(configPath).Config;
        return RepositoryWorkspace.Locate(settings.From, config ?? RepositoryConfig.Empty, environment);
    }

    private static int Summarize(CliConsole console, MirrorRequest request, MirrorReport report)
    {
        console.Out.WriteLine($"mirrored {report.Mirrored.Count} revisions ({report.Skipped.Count} already done) and downloaded {report.Downloads.Count(d => d.Succeeded)} files ({report.DownloadsSkipped} already there) into {request.Target}");
        if (report.Images is { } images)
        {
            console.Out.WriteLine($"images: {images.Images} copied into {request.ImagesFolder}{(images.FromBundle > 0 ? $", {images.FromBundle} of them from the source bundle's images" : "")} ({images.Failed} failed); manifests {images.ManifestsCopied} copied, {images.ManifestsSkipped} already there; blobs {images.BlobsCopied} copied, {images.BlobsSkipped} already there; {images.BytesCopied:N0} bytes"
                + (request.PushTo is { } target ? $"; {images.Pushed} pushed to {target.Registry.Host} ({images.BlobsUploaded} blobs uploaded)" : ""));
        }
        else if (report.DockerImages.Count > 0)
        {
            console.Out.WriteLine($"note: {report.DockerImages.Count} Docker images are not mirrored; copy them to your registry (listed in {MirrorManifest.FileName}):");
            foreach (var image in report.DockerImages.Select(i => i.Reference).Distinct(StringComparer.Ordinal)) console.Out.WriteLine($"  {image}");
        }
        var errors = report.Validation?.Diagnostics.Where(d => d.Severity == Severity.Error).ToArray() ?? [];
        foreach (var diagnostic in errors) console.Error.WriteLine(diagnostic.ToString());
        if (report.Problems.Count > 0) console.Error.WriteLine($"universe mirror: {report.Problems.Count} problems (listed above); run again to retry what failed");
        if (errors.Length > 0) console.Error.WriteLine($"universe mirror: the mirrored tree has {errors.Length} validation errors");
        return report.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
