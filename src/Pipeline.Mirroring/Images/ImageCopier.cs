using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Rendering;
using JsonParser = Pipeline.Json.Parsing.JsonParser;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// Copies one image from its registry (or a bundle's layout, <see cref="IImageSource"/>) into an <see cref="OciImageLayout"/>: the manifest the
/// reference names, each per-platform manifest of an index that <paramref name="platforms"/>
/// selects (all when none are given), then their configs and layers, at most
/// <paramref name="concurrency"/> blobs at a time. Blobs already in the layout and verified are
/// not fetched again. Blobs are written before the manifests that need them, so a manifest in
/// the layout always has its content.
/// </summary>
/// <remarks>
/// Keeping only some platforms of an index writes a new index listing just those (its own digest,
/// the registry's recorded as <see cref="OciImageLayout.SourceDigest"/>): an index naming
/// manifests the bundle lacks could not be pushed, since registries check that they exist.
/// Copying every platform keeps the registry's index byte for byte, digest included.
/// </remarks>
public sealed class ImageCopier(IImageSource source, OciImageLayout layout, IReadOnlyList<ImagePlatform> platforms, int concurrency = 4)
{
    public ImageCopier(RegistryClient client, OciImageLayout layout, IReadOnlyList<ImagePlatform> platforms, int concurrency = 4)
        : this(new RegistryImageSource(client), layout, platforms, concurrency)
    {
    }

    /// <exception cref="RegistryException">The image cannot be copied; the message says where and why.</exception>
    public async Task<ImageCopy> CopyAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var top = await source.GetManifestAsync(reference, reference.ManifestReference, ImageDigest.Parse(reference.Digest), cancellationToken).ConfigureAwait(false);
        var manifests = new List<ManifestDocument>();
        var topContent = top.Content;
        if (top.IsIndex)
        {
            var selected = top.Children.Where(c => platforms.Count == 0 || (c.Platform is { } p && platforms.Any(s => s.Selects(p)))).ToArray();
            if (selected.Length == 0)
            {
                var offered = string.Join(", ", top.Children.Select(c => c.Platform?.ToString() ?? "(none)").Distinct());
                throw new RegistryException($"{reference}: no manifest for {string.Join(", ", platforms)} in its index (it has {offered})");
            }
            foreach (var child in selected)
            {
                if (child.MediaType is ManifestDocument.OciIndex or ManifestDocument.DockerList)
                {
                    throw new RegistryException($"{reference}: its index nests another index ({child.Digest}), which is not copied");
                }
                var manifest = await source.GetManifestAsync(reference, child.Digest.ToString(), child.Digest, cancellationToken).ConfigureAwait(false);
                if (manifest.IsIndex) throw new RegistryException($"{reference}: {child.Digest} is declared as an image manifest but is an index");
                manifests.Add(manifest);
            }
            if (selected.Length < top.Children.Count) topContent = Filtered(top, selected);
        }
        else
        {
            manifests.Add(top);
        }

        var blobs = manifests.SelectMany(m => m.Blobs).DistinctBy(b => b.Digest).ToArray();
        var tally = new Tally();
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken }, async (blob, token) =>
        {
            if (layout.HasVerified(blob.Digest, blob.Size))
            {
                Interlocked.Increment(ref tally.BlobsSkipped);
                return;
            }
            await layout.WriteBlobAsync(blob.Digest, target => source.CopyBlobAsync(reference, blob, target, token)).ConfigureAwait(false);
            Interlocked.Increment(ref tally.BlobsCopied);
            Interlocked.Add(ref tally.Bytes, blob.Size);
        }).ConfigureAwait(false);

        foreach (var manifest in manifests) Store(manifest.Digest, manifest.Content, tally);
        var written = new ContentDescriptor(top.MediaType, ImageDigest.Of(topContent.Span), topContent.Length);
        if (top.IsIndex) Store(written.Digest, topContent, tally);
        var sourceDigest = source.SourceDigestOf(reference) ?? (written.Digest == top.Digest ? null : top.Digest);
        layout.AddImage(written, reference.ToString(), sourceDigest);
        return new ImageCopy(reference, written, sourceDigest)
        {
            ManifestsCopied = tally.ManifestsCopied,
            ManifestsSkipped = tally.ManifestsSkipped,
            BlobsCopied = tally.BlobsCopied,
            BlobsSkipped = tally.BlobsSkipped,
            BytesCopied = tally.Bytes,
        };
    }

    private void Store(ImageDigest digest, ReadOnlyMemory<byte> content, Tally tally)
    {
        if (layout.HasVerified(digest, content.Length))
        {
            tally.ManifestsSkipped++;
            return;
        }
        layout.WriteBlob(digest, content.Span);
        tally.ManifestsCopied++;
        tally.Bytes += content.Length;
    }

    /// <summary>The registry's index with only the selected entries, everything else as it was.</summary>
    private static byte[] Filtered(ManifestDocument index, IReadOnlyList<ContentDescriptor> selected)
    {
        var root = (JsonObject)JsonParser.Parse(index.Content).Root!.ToJsonNode()!;
        var keep = selected.Select(s => s.Digest.ToString()).ToHashSet(StringComparer.Ordinal);
        var entries = (JsonArray)root["manifests"]!;
        foreach (var entry in entries.ToArray())
        {
            if (entry?["digest"] is not JsonValue v || !v.TryGetValue(out string? digest) || !keep.Contains(digest)) entries.Remove(entry);
        }
        return Encoding.UTF8.GetBytes(JsonOutput.Write(root, indented: false));
    }

    private sealed class Tally
    {
        public int ManifestsCopied;
        public int ManifestsSkipped;
        public int BlobsCopied;
        public int BlobsSkipped;
        public long Bytes;
    }
}
