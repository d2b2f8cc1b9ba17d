namespace Pipeline.Mirroring.Images;

/// <summary>What a mirror run did with images: copied into the bundle, skipped as already there, failed, pushed.</summary>
public sealed record ImageCounts
{
    public int Images { get; init; }

    public int Failed { get; init; }

    /// <summary>Of <see cref="Images"/>, those copied from the source bundle's layout rather than a registry.</summary>
    public int FromBundle { get; init; }

    public int ManifestsCopied { get; init; }

    public int ManifestsSkipped { get; init; }

    public int BlobsCopied { get; init; }

    public int BlobsSkipped { get; init; }

    public long BytesCopied { get; init; }

    public int Pushed { get; init; }

    public int BlobsUploaded { get; init; }

    public ImageCounts Add(ImageCopy copy) => this with
    {
        Images = Images + 1,
        ManifestsCopied = ManifestsCopied + copy.ManifestsCopied,
        ManifestsSkipped = ManifestsSkipped + copy.ManifestsSkipped,
        BlobsCopied = BlobsCopied + copy.BlobsCopied,
        BlobsSkipped = BlobsSkipped + copy.BlobsSkipped,
        BytesCopied = BytesCopied + copy.BytesCopied,
    };
}
