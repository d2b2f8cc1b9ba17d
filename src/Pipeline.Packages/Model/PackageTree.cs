using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Model;

/// <summary>
/// A universe repository as read from disk: its root (the folder holding <c>packages/</c>), its
/// settings, every revision ordered by package name then release version, and what the reader
/// found wrong with the layout and settings (facts; Validation's layout rules word them).
/// </summary>
public sealed class PackageTree
{
    public PackageTree(string root, RepositorySettings settings, IReadOnlyList<PackageRevision> revisions, IReadOnlyList<LayoutFinding> findings)
    {
        Root = root;
        Settings = settings;
        Revisions = revisions;
        Findings = findings;
    }

    /// <summary>Absolute path of the repository root; diagnostics' files are relative to it.</summary>
    public string Root { get; }
    public RepositorySettings Settings { get; }
    public IReadOnlyList<PackageRevision> Revisions { get; }
    public IReadOnlyList<LayoutFinding> Findings { get; }

    /// <summary>Revisions grouped by package, in name order, each group in release-version order.</summary>
    public IEnumerable<IGrouping<string, PackageRevision>> Packages() =>
        Revisions.GroupBy(r => r.Name, StringComparer.Ordinal);
}
