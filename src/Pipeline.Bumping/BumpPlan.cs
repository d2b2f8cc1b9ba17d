namespace Pipeline.Bumping;

/// <summary>
/// What a bump makes: revision <see cref="Revision"/> of package <see cref="Name"/> with
/// <see cref="Version"/>, made from revision <see cref="PreviousRevision"/> (version
/// <see cref="PreviousVersion"/>). <see cref="Files"/> is the whole new revision folder;
/// <see cref="Changes"/> says in a line each what differs from the previous revision, for people
/// (the command's output and the pull request's body).
/// </summary>
public sealed record BumpPlan(
    string Name,
    string Letter,
    int PreviousRevision,
    string PreviousVersion,
    int Revision,
    string Version,
    IReadOnlyList<BumpedFile> Files,
    IReadOnlyList<string> Changes,
    IReadOnlyList<AssetUpdate> Assets)
{
    /// <summary>The framework repository the bump comes from (<c>owner/name</c>), when known: what <c>policies.bump</c> is checked against.</summary>
    public string? SourceRepository { get; init; }

    /// <summary>The release page of the new version, linked from the pull request, when known.</summary>
    public string? ReleaseUrl { get; init; }

    public string PackageDirectory => $"packages/{Letter}/{Name}";

    public string Directory => $"{PackageDirectory}/{Revision}";

    /// <summary>Each file's path from the universe's root, '/' separated, in name order.</summary>
    public IEnumerable<string> Paths => Files.Select(f => $"{Directory}/{f.Name}").Order(StringComparer.Ordinal);
}
