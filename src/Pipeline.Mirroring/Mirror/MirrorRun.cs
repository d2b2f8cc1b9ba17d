namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// What one mirror run shares between its revisions, whose downloads finish on other threads:
/// the manifest (read and written only under <see cref="Lock"/>, saved by one writer at a time),
/// the asset plan, the Docker images listed and the image step (one revision at a time, under <see cref="ImagesGate"/>).
/// </summary>
internal sealed class MirrorRun(MirrorRequest request, Uri? baseUrl, MirrorManifest manifest, Pipeline.Mirroring.Images.ImageMirror? images)
{
    public MirrorRequest Request { get; } = request;

    public Uri? BaseUrl { get; } = baseUrl;

    public Lock Lock { get; } = new();

    public MirrorManifest Manifest { get; } = manifest;

    public AssetPlanner Planner { get; } = new(manifest, request.Target);

    public List<DockerImage> DockerImages { get; } = [];

    public Pipeline.Mirroring.Images.ImageMirror? Images { get; } = images;

    public SemaphoreSlim ImagesGate { get; } = new(1, 1);
}

/// <summary>What became of one selected revision; filled by the one task that mirrors it.</summary>
internal sealed class RevisionOutcome(SelectedRevision revision)
{
    public SelectedRevision Revision { get; } = revision;

    public bool Skipped { get; init; }

    public bool Written { get; set; }

    public List<string> Problems { get; } = [];

    /// <summary>References served by a file already in place or fetched for another reference.</summary>
    public int DownloadsSkipped { get; set; }
}
