namespace Pipeline.Bumping;

/// <summary>
/// A framework's new version for a universe: package <see cref="Name"/> at <see cref="Version"/>,
/// with the package-file edits (<see cref="Sets"/>, each <c>path=value</c>) and the asset URLs
/// (<see cref="Assets"/>, each <c>KEY=URL</c>) given on the command line.
/// </summary>
public sealed record BumpRequest(string Name, string Version)
{
    /// <summary>The default cap on one downloaded asset: a JRE or a framework's tarball fits, a runaway body does not.</summary>
    public const long DefaultMaxAssetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary><c>path=value</c>: a dotted path into package.json, or <c>config.json:path</c> / <c>resource.json:path</c>.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary><c>KEY=URL</c>: KEY a name under resource.json's <c>assets.uris</c> or a dotted path in resource.json.</summary>
    public IReadOnlyList<string> Assets { get; init; } = [];

    /// <summary>The framework repository (<c>owner/name</c>) the bump comes from: what <c>policies.bump</c> is checked against.</summary>
    public string? SourceRepository { get; init; }

    /// <summary>The release page of the new version, for the pull request.</summary>
    public string? ReleaseUrl { get; init; }

    /// <summary>Validate in a copy and leave the universe folder as it was.</summary>
    public bool DryRun { get; init; }

    public long MaxAssetBytes { get; init; } = DefaultMaxAssetBytes;
}
