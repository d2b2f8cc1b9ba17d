namespace Pipeline.Mirroring.Images;

/// <summary>
/// The image layout of a bundle carried into a site without a route to the images' registries
/// (the bundle's <c>images/</c>), read and never written: an image is there when index.json names
/// its reference; each manifest and blob is checked against its digest and declared size as it is
/// read, so a damaged or altered bundle is refused, not passed on.
/// </summary>
public sealed class LayoutImageSource : IImageSource
{
    private readonly Dictionary<string, LayoutImage> _images;
    private readonly int _maxManifestBytes;

    public LayoutImageSource(string folder, int maxManifestBytes)
    {
        Folder = folder;
        _maxManifestBytes = maxManifestBytes;
        _images = OciImageLayout.ReadIndex(folder).GroupBy(i => i.Reference, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public string Folder { get; }

    /// <summary>Whether index.json names <paramref name="image"/> (as the copy into the bundle wrote it).</summary>
    public bool Holds(ImageReference image) => _images.ContainsKey(image.ToString());

    public ImageDigest? SourceDigestOf(ImageReference image) => _images.GetValueOrDefault(image.ToString())?.SourceDigest;

    public async Task<ManifestDocument> GetManifestAsync(ImageReference image, string manifestReference, ImageDigest? expected, CancellationToken cancellationToken)
    {
        if (manifestReference == image.ManifestReference && _images.GetValueOrDefault(image.ToString()) is { } entry)
        {
            // A digest-pinned reference whose bundle kept only some platforms names the full index, recorded beside the kept one.
            if (expected is not null && expected != entry.Descriptor.Digest && expected != entry.SourceDigest)
            {
                throw new RegistryException($"{Folder}: index.json names {entry.Descriptor.Digest} for {image}, not the {expected} it is pinned to");
            }
            return await ReadManifestAsync(entry.Descriptor.Digest, entry.Descriptor.MediaType, cancellationToken).ConfigureAwait(false);
        }
        var digest = ImageDigest.Parse(manifestReference) ?? throw new RegistryException($"{image} is not in {Folder}");
        if (expected is not null && digest != expected) throw new RegistryException($"{image}: {digest} asked for where {expected} was expected");
        return await ReadManifestAsync(digest, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task CopyBlobAsync(ImageReference image, ContentDescriptor blob, Stream target, CancellationToken cancellationToken)
    {
        var path = OciImageLayout.BlobPath(Folder, blob.Digest);
        await using var body = Open(path);
        await BlobStream.CopyVerifiedAsync(body, target, blob, new Uri(path), () => { }, cancellationToken, sent: "the bundle holds").ConfigureAwait(false);
    }

    private async Task<ManifestDocument> ReadManifestAsync(ImageDigest digest, string? mediaType, CancellationToken cancellationToken)
    {
        var path = OciImageLayout.BlobPath(Folder, digest);
        byte[] content;
        await using (var file = Open(path))
        {
            if (file.Length > _maxManifestBytes) throw new RegistryException($"{path}: the manifest is larger than the limit of {_maxManifestBytes:N0} bytes; refused");
            content = new byte[file.Length];
            await file.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
        }
        if (ImageDigest.Of(content) is var actual && actual != digest) throw new RegistryException($"{path}: the bundle holds a manifest whose digest is {actual}, not {digest}; nothing was kept");
        return ManifestDocument.Read(content, mediaType, out var problem) ?? throw new RegistryException($"{path}: {problem}");
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistryException(e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: missing from the bundle" : $"{path}: cannot be read: {e.Message}", e);
        }
    }
}
