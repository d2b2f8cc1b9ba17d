using Pipeline.Packages.Documents;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// Whether the new revision declares an upgrade path from the previous one. It does unless its
/// package.json has <c>upgradesFrom</c> and that lists neither the previous version nor "*": a
/// package that leaves the previous version out says operators cannot upgrade in place, so what
/// would break them on upgrade is only worth a note.
/// </summary>
internal sealed record UpgradePath(bool Declared, string Reason)
{
    public static UpgradePath Of(PackageDocument? previous, PackageDocument? next, int nextRevision)
    {
        if (next?.Field("upgradesFrom") is null) return new UpgradePath(true, "");
        var listed = next.UpgradesFrom;
        var version = previous?.Version;
        if (listed.Contains("*") || (version is not null && listed.Contains(version))) return new UpgradePath(true, "");
        var which = version is null ? "the previous version" : $"\"{version}\"";
        return new UpgradePath(false, $"no upgrade path is declared: upgradesFrom of revision {nextRevision} does not list {which}");
    }
}
