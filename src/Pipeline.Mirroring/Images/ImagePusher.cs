namespace Pipeline.Mirroring.Images;

/// <summary>
/// Pushes an image from an <see cref="OciImageLayout"/> to a registry: each blob the registry does
/// not have (HEAD) uploaded in one piece, each manifest put by its digest (children before their
/// index), then the tag. The bytes are the layout's, so the registry holds the same digests.
/// </summary>
public sealed class ImagePusher(RegistryClient client, OciImageLayout layout, int concurrency = 4)
{
    /// <returns>How many blobs were uploaded and how many the registry already had.</returns>
    /// <exception cref="RegistryException">The push failed, or the layout lacks content the image needs.</exception>
    public async Task<(int Uploaded, int Present)> PushAsync(LayoutImage image, ImageReference source, PushTarget target, CancellationToken cancellationToken)
    {
        var registry = target.Registry;
        var repository = target.Repository(source);
        var top = Manifest(image.Descriptor);
        var manifests = top.IsIndex ? top.Children.Select(Manifest).ToArray() : [top];
        var uploaded = 0;
        var present = 0;
        var blobs = manifests.SelectMany(m => m.Blobs).DistinctBy(b => b.Digest).ToArray();
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken }, async (blob, token) =>
        {
            if (!File.Exists(layout.BlobPath(blob.Digest))) throw new RegistryException($"{source}: blob {blob.Digest} is missing from {layout.Folder}");
            if (await client.HasBlobAsync(registry, repository, blob.Digest, token).ConfigureAwait(false))
            {
                Interlocked.Increment(ref present);
                return;
            }
            await client.UploadBlobAsync(registry, repository, blob.Digest, () => layout.OpenBlob(blob.Digest), blob.Size, token).ConfigureAwait(false);
            Interlocked.Increment(ref uploaded);
        }).ConfigureAwait(false);
        if (top.IsIndex)
        {
            foreach (var manifest in manifests) await client.PutManifestAsync(registry, repository, manifest.Digest.ToString(), manifest.MediaType, manifest.Content, cancellationToken).ConfigureAwait(false);
        }
        await client.PutManifestAsync(registry, repository, top.Digest.ToString(), top.MediaType, top.Content, cancellationToken).ConfigureAwait(false);
        if (source.Tag is { } tag) await client.PutManifestAsync(registry, repository, tag, top.MediaType, top.Content, cancellationToken).ConfigureAwait(false);
        return (uploaded, present);
    }

    private ManifestDocument Manifest(ContentDescriptor descriptor)
    {
        if (!File.Exists(layout.BlobPath(descriptor.Digest))) throw new RegistryException($"manifest {descriptor.Digest} is missing from {layout.Folder}");
        var content = layout.ReadBlob(descriptor.Digest);
        return ManifestDocument.Read(content, descriptor.MediaType, out var problem) is { } manifest && manifest.Digest == descriptor.Digest
            ? manifest
            : throw new RegistryException($"manifest {descriptor.Digest} in {layout.Folder} is damaged{(problem is null ? "" : ": " + problem)}");
    }
}
