using System.Text.RegularExpressions;

namespace Pipeline.Changes.ChangeSets;

/// <summary>A package folder, <c>packages/&lt;Letter&gt;/&lt;Name&gt;</c>.</summary>
public readonly record struct PackageLocation(string Letter, string Name)
{
    public string Directory => $"packages/{Letter}/{Name}";

    public RevisionLocation Revision(int releaseVersion) => new(Letter, Name, releaseVersion);

    public override string ToString() => Directory;
}

/// <summary>A revision folder, <c>packages/&lt;Letter&gt;/&lt;Name&gt;/&lt;ReleaseVersion&gt;</c>.</summary>
public readonly record struct RevisionLocation(string Letter, string Name, int ReleaseVersion)
{
    public PackageLocation Package => new(Letter, Name);

    public string Directory => $"packages/{Letter}/{Name}/{ReleaseVersion}";

    public override string ToString() => Directory;
}

/// <summary>Where a repository-relative path sits in the package tree.</summary>
public static partial class PackagePath
{
    private const string Prefix = "packages/";

    public static bool IsInPackages(string path) => path.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The package folder a path is in or is (at least <c>packages/L/name</c>), or null.</summary>
    public static PackageLocation? PackageOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 3 && parts[0] == "packages" && parts[1].Length > 0 && parts[2].Length > 0
            ? new PackageLocation(parts[1], parts[2])
            : null;
    }

    /// <summary>
    /// The revision folder a path is in or is (<c>packages/L/name/N[/…]</c> with N a valid
    /// revision number), or null. Folders with bad numbers are left to the layout rules.
    /// </summary>
    public static RevisionLocation? RevisionOf(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 4 || PackageOf(path) is not { } package || !RevisionPattern().IsMatch(parts[3])) return null;
        return package.Revision(int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^(0|[1-9][0-9]{0,8})$")]
    private static partial Regex RevisionPattern();
}
