namespace Pipeline.Mirroring.Images;

/// <summary>Bounds on what a registry may send and how long it may take.</summary>
public sealed record RegistryLimits
{
    /// <summary>A manifest or index larger than this is refused (registries themselves cap them at 4 MiB).</summary>
    public int MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A token endpoint's answer larger than this is refused.</summary>
    public int MaxTokenBytes { get; init; } = 64 * 1024;

    /// <summary>The whole of a manifest, token or upload request.</summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A blob transfer that moves no byte for this long is given up (a large blob has no overall deadline).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxRedirects { get; init; } = 5;
}
