namespace Pipeline.Promotion.Planning;

/// <summary>
/// What a promotion does: <see cref="Source"/>'s files written to <see cref="Directory"/>
/// (<c>packages/&lt;L&gt;/&lt;name&gt;/&lt;Revision&gt;</c>) of the target at <see cref="TargetRoot"/>.
/// </summary>
public sealed record PromotionPlan(
    SourceRevision Source,
    string TargetRoot,
    string Letter,
    int Revision,
    IReadOnlyList<TargetRevision> Existing)
{
    public string Name => Source.Name;

    public string Version => Source.Version;

    public string PackageDirectory => $"packages/{Letter}/{Name}";

    public string Directory => $"{PackageDirectory}/{Revision}";

    /// <summary>Each file's path relative to the target root, '/' separated, in name order.</summary>
    public IEnumerable<string> Paths => Source.Files.Select(f => $"{Directory}/{f.Name}");

    public bool NewPackage => Existing.Count == 0;
}
