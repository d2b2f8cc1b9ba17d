using Pipeline.Diagnostics.Reports;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Images;

namespace Pipeline.Mirroring.Mirror;

/// <summary>What a mirror run did: revisions written and skipped as done, files downloaded, Docker images listed, problems, and the validation of the result.</summary>
public sealed record MirrorReport
{
    public IReadOnlyList<SelectedRevision> Mirrored { get; init; } = [];

    /// <summary>Revisions the manifest records as done, left as they were.</summary>
    public IReadOnlyList<SelectedRevision> Skipped { get; init; } = [];

    public IReadOnlyList<DownloadResult> Downloads { get; init; } = [];

    /// <summary>Files the manifest records as downloaded and still on disk.</summary>
    public int DownloadsSkipped { get; init; }

    public IReadOnlyList<DockerImage> DockerImages { get; init; } = [];

    /// <summary>What <c>--images</c> copied and pushed; null when images were not asked for.</summary>
    public ImageCounts? Images { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The mirrored tree validated; null when nothing was written.</summary>
    public ValidationReport? Validation { get; init; }

    public bool Succeeded => Problems.Count == 0 && (Validation?.Errors ?? 0) == 0;
}
