using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json;
using Pipeline.Packages.Documents;

namespace Pipeline.Validation.Rules;

/// <summary>Rules across the revisions of one package: versions named by upgrades exist, versions are distinct.</summary>
public static class PackageSetRules
{
    private static readonly string[] UpgradeFields = [PackageFields.UpgradesFrom, PackageFields.DowngradesTo];

    /// <summary>
    /// What these rules need from one revision, taken while its documents are at hand: the
    /// validator then lets the documents (and the memory they were read into) go, instead of
    /// holding every revision of a package until the last one is checked.
    /// </summary>
    public static RevisionVersions? Facts(RevisionDocuments documents)
    {
        // Without a parsed package.json a revision has no version to count or check.
        if (documents.Package?.Root is not { } package || documents.Revision.PackageJson is not { } file) return null;
        var version = documents.Package.Version;
        var versionPosition = version is not null ? package[PackageFields.Version]!.Position : default;
        var named = new List<(string, string, SourcePosition)>();
        foreach (var field in UpgradeFields)
        {
            if (package[field] is not { Kind: JsonKind.Array } list) continue;
            foreach (var item in list.Items)
            {
                if (item.Kind == JsonKind.String && item.String != "*") named.Add((field, item.String!, item.Position));
            }
        }
        return new RevisionVersions(file.RelativePath, documents.Revision.Name, documents.Revision.ReleaseVersion, version, versionPosition, named);
    }

    public static void Check(IReadOnlyList<RevisionVersions> revisions, List<Diagnostic> diagnostics)
    {
        var versions = revisions.Select(r => r.Version).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var firstWithVersion = new Dictionary<string, RevisionVersions>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            var path = revision.PackageJsonPath;
            if (revision.Version is { } version)
            {
                if (firstWithVersion.TryGetValue(version, out var first))
                {
                    diagnostics.Add(RuleCatalog.DuplicateVersion.At(path, revision.VersionPosition,
                        $"version \"{version}\" is already used by revision {first.ReleaseVersion} of `{revision.Name}`"));
                }
                else
                {
                    firstWithVersion[version] = revision;
                }
            }
            foreach (var (field, named, position) in revision.NamedVersions)
            {
                if (versions.Contains(named)) continue;
                diagnostics.Add(RuleCatalog.UnknownUpgradeVersion.At(path, position,
                    $"`{field}` names version \"{named}\", which no revision of `{revision.Name}` has"));
            }
        }
    }
}

/// <summary>
/// One revision's versions for <see cref="PackageSetRules"/>: its own (with where package.json
/// states it) and those its <c>upgradesFrom</c>/<c>downgradesTo</c> name. A null
/// <see cref="PackageJsonPath"/> marks a revision whose version counts but which is not checked.
/// </summary>
public sealed record RevisionVersions(
    string? PackageJsonPath,
    string Name,
    int ReleaseVersion,
    string? Version,
    SourcePosition VersionPosition,
    IReadOnlyList<(string Field, string Version, SourcePosition Position)> NamedVersions);
