namespace Pipeline.Changes.ChangeSets;

public enum ChangeStatus
{
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// <summary>
/// One file a pull request changes, relative to the repository root with '/' separators.
/// <see cref="PreviousPath"/> is set for <see cref="ChangeStatus.Renamed"/> only.
/// </summary>
public sealed record ChangedFile(string Path, ChangeStatus Status, string? PreviousPath = null)
{
    /// <summary>The paths this change touches: the path, and the previous one of a rename.</summary>
    public IEnumerable<string> Paths()
    {
        yield return Path;
        if (PreviousPath is { } previous && previous != Path) yield return previous;
    }

    public override string ToString() =>
        Status == ChangeStatus.Renamed ? $"{Status} {PreviousPath} -> {Path}" : $"{Status} {Path}";
}
