namespace Pipeline.Mirroring.Images;

/// <summary>How <c>mirror --images</c> copies: where the layout goes, which platforms, where to push, how many blobs at once.</summary>
public sealed record ImageMirrorOptions
{
    /// <summary>The OCI image layout folder (the bundle's <c>images/</c>).</summary>
    public required string LayoutFolder { get; init; }

    /// <summary>The platforms of a multi-platform image to copy; empty copies all.</summary>
    public IReadOnlyList<ImagePlatform> Platforms { get; init; } = [];

    /// <summary>The site's registry to push to, the packages then naming it; null keeps them pointing at the original registries.</summary>
    public PushTarget? PushTo { get; init; }

    /// <summary>
    /// The image layout of the bundle being mirrored from (its <c>images/</c>), or null: an image it
    /// names is copied from it, not from its registry, which an air-gapped site cannot reach.
    /// </summary>
    public string? SourceLayoutFolder { get; init; }

    public int Concurrency { get; init; } = 4;
}
