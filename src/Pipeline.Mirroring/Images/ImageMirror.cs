using System.Text.Json.Nodes;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Images;

/// <summary>What the image step did to one package version: its descriptors (rewritten after a push) and its problems.</summary>
public sealed record PackageImageStep(IReadOnlyList<DescriptorTemplate> Descriptors, IReadOnlyList<string> Problems);

/// <summary>
/// The image step of <c>mirror --images</c>, run for each package version after its assets: finds
/// the images it names, copies each into the bundle's OCI layout once per run, pushes it when a
/// site registry is given and rewrites the version's references to the pushed digests. A problem
/// is a line naming the package, version and where the image is named; the run goes on.
/// Mirroring from a bundle, an image its layout holds is copied from there (a damaged copy is a
/// problem, not a reason to ask the registry); any other image from its registry.
/// </summary>
public sealed class ImageMirror(RegistryClient client, ImageMirrorOptions options)
{
    private readonly OciImageLayout _layout = new(options.LayoutFolder);
    private readonly RegistryImageSource _registries = new(client);
    private readonly LayoutImageSource? _bundle = options.SourceLayoutFolder is { } folder ? new LayoutImageSource(folder, client.Limits.MaxManifestBytes) : null;
    private readonly Dictionary<string, Outcome> _done = new(StringComparer.Ordinal);

    public ImageCounts Counts { get; private set; } = new();

    /// <summary>Mirrors the images of <paramref name="package"/>; <paramref name="resource"/> (the copy to be written) is rewritten in place after a push.</summary>
    public async Task<PackageImageStep> MirrorAsync(PackageDefinition package, JsonObject? resource, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var images = PackageImages.Find(package, resource, found);
        var problems = found.Select(p => $"{package.Name} {package.Version}: {p}").ToList();
        var pushed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            if (!_done.TryGetValue(image.Text, out var outcome))
            {
                outcome = await CopyAsync(image.Text, cancellationToken).ConfigureAwait(false);
                _done[image.Text] = outcome;
            }
            if (outcome.Problem is not null) problems.Add($"{package.Name} {package.Version}: {image.Where}: `{image.Text}`: {outcome.Problem}");
            else if (outcome.Pushed is not null) pushed[image.Text] = outcome.Pushed;
        }
        return new PackageImageStep(ImageReferenceRewriter.Rewrite(resource, package.Descriptors, pushed), problems);
    }

    private async Task<Outcome> CopyAsync(string text, CancellationToken cancellationToken)
    {
        if (ImageReference.Parse(text, out var invalid) is not { } reference)
        {
            Counts = Counts with { Failed = Counts.Failed + 1 };
            return new Outcome(null, invalid);
        }
        var fromBundle = _bundle?.Holds(reference) == true;
        try
        {
            var copy = await CopyFromAsync(fromBundle ? _bundle! : _registries, reference, cancellationToken).ConfigureAwait(false);
            Counts = Counts.Add(copy) with { FromBundle = Counts.FromBundle + (fromBundle ? 1 : 0) };
            if (options.PushTo is not { } target) return new Outcome(null, null);
            var image = new LayoutImage(copy.Top, reference.ToString(), copy.SourceDigest);
            var (uploaded, _) = await new ImagePusher(client, _layout, options.Concurrency).PushAsync(image, reference, target, cancellationToken).ConfigureAwait(false);
            Counts = Counts with { Pushed = Counts.Pushed + 1, BlobsUploaded = Counts.BlobsUploaded + uploaded };
            return new Outcome(target.PinnedReference(reference, copy.Top.Digest), null);
        }
        catch (RegistryException e)
        {
            Counts = Counts with { Failed = Counts.Failed + 1 };
            return new Outcome(null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Counts = Counts with { Failed = Counts.Failed + 1 };
            return new Outcome(null, $"cannot write {options.LayoutFolder}: {e.Message}");
        }
    }

    private async Task<ImageCopy> CopyFromAsync(IImageSource source, ImageReference reference, CancellationToken cancellationToken)
    {
        try
        {
            return await new ImageCopier(source, _layout, options.Platforms, options.Concurrency).CopyAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException e) when (_bundle is not null && source != _bundle)
        {
            throw new RegistryException($"{e.Message}; it is not in the bundle's images ({_bundle.Folder}) either", e);
        }
    }

    private sealed record Outcome(string? Pushed, string? Problem);
}
