namespace Pipeline.Packages.Reading;

/// <summary>
/// Something the tree reader saw wrong with the layout or with universe.yaml, as a fact: where it
/// is and what was there. <see cref="Path"/> is relative to the universe root, '/'-separated.
/// </summary>
/// <remarks>
/// The reader only records these and goes on; which rule each one breaks, its severity and its
/// wording belong to the validation layer (<c>Pipeline.Validation.Layout.LayoutRules</c>), so each
/// layout rule fires from one place. That is possible because every caller that shows these
/// findings (validate, baseline, build, publish, mirror, the action's modes) can reach
/// Validation; Build, Site, Repositories and Promotion only need the tree and never showed them.
/// </remarks>
public abstract record LayoutFinding(string Path);

/// <summary>Where a folder sits in <c>packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/</c>.</summary>
public enum TreeLevel
{
    PackagesFolder,
    LetterFolder,
    PackageFolder,
}

/// <summary>A file where only folders belong (<see cref="Level"/> is the folder it sits in).</summary>
public sealed record StrayEntry(string Path, string Name, TreeLevel Level) : LayoutFinding(Path);

/// <summary>A letter folder not named by a single upper-case letter.</summary>
public sealed record MisnamedLetterFolder(string Path, string Letter) : LayoutFinding(Path);

/// <summary>A package folder whose name is not a package name.</summary>
public sealed record MisnamedPackageFolder(string Path, string Name) : LayoutFinding(Path);

/// <summary>A package under a letter folder other than its first letter's.</summary>
public sealed record MisplacedPackageFolder(string Path, string Name, string Letter) : LayoutFinding(Path);

/// <summary>A folder in a package folder not named by a revision number.</summary>
public sealed record MisnamedRevisionFolder(string Path, string Name, string Package) : LayoutFinding(Path);

/// <summary>A letter folder with no package folders, or a package folder with no revision folders.</summary>
public sealed record EmptyTreeFolder(string Path, string Name, TreeLevel Level) : LayoutFinding(Path);

/// <summary>An entry of a revision that is not a revision file: a folder, or a file of another name.</summary>
public sealed record UnknownRevisionEntry(string Path, string Name, bool IsFolder) : LayoutFinding(Path);

/// <summary>A revision folder without package.json.</summary>
public sealed record RevisionWithoutPackageJson(string Path, string Package, int ReleaseVersion) : LayoutFinding(Path);

/// <summary>A link the reader did not follow; <see cref="Refusal"/> says why (see <see cref="TreeLink"/>).</summary>
public sealed record RefusedLink(string Path, string Refusal) : LayoutFinding(Path);

/// <summary>A link inside the tree, followed and read as if its target were there.</summary>
public sealed record FollowedLink(string Path, string Name, string? Target) : LayoutFinding(Path);

/// <summary>A name that cannot be part of a package path on every system (see <c>PortablePath</c>).</summary>
public sealed record UnportableEntryName(string Path) : LayoutFinding(Path);

/// <summary>A revision file past the size limit, which is not read.</summary>
public sealed record OversizedRevisionFile(string Path, string Name, long Length, long Limit) : LayoutFinding(Path);

/// <summary>A folder that could not be listed, or a file that could not be read; <see cref="Problem"/> is the system's reason.</summary>
public sealed record UnreadableEntry(string Path, string Problem, bool IsFolder) : LayoutFinding(Path);
