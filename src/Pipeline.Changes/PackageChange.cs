using Pipeline.Changes.ChangeSets;

namespace Pipeline.Changes;

public enum PackageChangeKind
{
    /// <summary>The package is not on the base branch.</summary>
    NewPackage,

    /// <summary>The package exists and the pull request adds, changes or removes revisions of it.</summary>
    Update,

    /// <summary>Every revision of the package is removed.</summary>
    Removal,

    /// <summary>The package's folder moves to a new name (UNI405).</summary>
    Rename,
}

/// <summary>What a pull request does to one package, for the sticky comment and the labels.</summary>
public sealed record PackageChange(
    PackageLocation Package,
    PackageChangeKind Kind,
    IReadOnlyList<int> AddedRevisions,
    IReadOnlyList<int> ChangedRevisions,
    IReadOnlyList<int> RemovedRevisions,
    PackageLocation? RenamedFrom)
{
    /// <summary>One line, e.g. "new revision 3 of `kafka`; changes released revision 2 of `kafka`".</summary>
    public string Description => Kind switch
    {
        PackageChangeKind.NewPackage => $"new package `{Package.Name}` ({Revisions(AddedRevisions)})",
        PackageChangeKind.Rename => $"renames package `{RenamedFrom?.Name}` to `{Package.Name}`",
        PackageChangeKind.Removal => $"removes package `{Package.Name}` ({Revisions(RemovedRevisions)})",
        _ => Parts() is { Length: > 0 } parts ? string.Join("; ", parts) : $"changes files of `{Package.Name}` outside its revisions",
    };

    private string[] Parts()
    {
        var parts = new List<string>();
        if (AddedRevisions.Count > 0) parts.Add($"new {Revisions(AddedRevisions)} of `{Package.Name}`");
        if (ChangedRevisions.Count > 0) parts.Add($"changes released {Revisions(ChangedRevisions)} of `{Package.Name}`");
        if (RemovedRevisions.Count > 0) parts.Add($"removes {Revisions(RemovedRevisions)} of `{Package.Name}`");
        return [.. parts];
    }

    private static string Revisions(IReadOnlyList<int> numbers) =>
        $"{(numbers.Count == 1 ? "revision" : "revisions")} {string.Join(", ", numbers)}";

    public override string ToString() => Description;
}
