namespace Pipeline.Mirroring.Images;

/// <summary>
/// Where <see cref="ImageCopier"/> reads an image from: its registry, or the image layout of a
/// bundle carried in. Either way every manifest and blob is checked against its digest.
/// </summary>
public interface IImageSource
{
    /// <summary>The manifest <paramref name="manifestReference"/> (the image's tag or a digest) names, checked against <paramref name="expected"/> when given.</summary>
    /// <exception cref="RegistryException">It cannot be had, or is not what was asked for.</exception>
    Task<ManifestDocument> GetManifestAsync(ImageReference image, string manifestReference, ImageDigest? expected, CancellationToken cancellationToken);

    /// <summary>Writes the blob into <paramref name="target"/>, verifying its size and digest.</summary>
    /// <exception cref="RegistryException">It cannot be had, or is not what the descriptor says.</exception>
    Task CopyBlobAsync(ImageReference image, ContentDescriptor blob, Stream target, CancellationToken cancellationToken);

    /// <summary>The digest of the full index when the source itself kept only some platforms of <paramref name="image"/>.</summary>
    ImageDigest? SourceDigestOf(ImageReference image) => null;
}

/// <summary>The image's own registry, through the distribution API.</summary>
public sealed class RegistryImageSource(RegistryClient client) : IImageSource
{
    public Task<ManifestDocument> GetManifestAsync(ImageReference image, string manifestReference, ImageDigest? expected, CancellationToken cancellationToken) =>
        client.GetManifestAsync(new RegistryEndpoint(image.RegistryHost), image.Repository, manifestReference, expected, cancellationToken);

    public Task CopyBlobAsync(ImageReference image, ContentDescriptor blob, Stream target, CancellationToken cancellationToken) =>
        client.DownloadBlobAsync(new RegistryEndpoint(image.RegistryHost), image.Repository, blob, target, cancellationToken);
}
