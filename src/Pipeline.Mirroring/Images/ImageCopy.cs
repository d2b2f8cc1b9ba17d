namespace Pipeline.Mirroring.Images;

/// <summary>
/// One image copied into the layout: its top manifest or index as written (<see cref="Top"/>), the
/// registry's own index digest when only some platforms were kept, and what was moved.
/// </summary>
public sealed record ImageCopy(ImageReference Source, ContentDescriptor Top, ImageDigest? SourceDigest)
{
    public int ManifestsCopied { get; init; }

    public int ManifestsSkipped { get; init; }

    public int BlobsCopied { get; init; }

    public int BlobsSkipped { get; init; }

    public long BytesCopied { get; init; }
}
