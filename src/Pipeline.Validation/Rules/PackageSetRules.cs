using Pipeline.Diagnostics;
using Pipeline.Json;

namespace Pipeline.Validation.Rules;

/// <summary>Rules across the revisions of one package: versions named by upgrades exist, versions are distinct.</summary>
public static class PackageSetRules
{
    public static void Check(IReadOnlyList<RevisionDocuments> revisions, List<Diagnostic> diagnostics)
    {
        var versions = revisions.Select(r => r.Version).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var firstWithVersion = new Dictionary<string, RevisionDocuments>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            if (revision.Package is null || revision.Revision.PackageJson is not { } file) continue;
            if (revision.Version is { } version && revision.Package["version"] is { } versionValue)
            {
                if (firstWithVersion.TryGetValue(version, out var first))
                {
                    diagnostics.Add(RuleCatalog.DuplicateVersion.At(file.RelativePath, versionValue.Position,
                        $"version \"{version}\" is already used by revision {first.Revision.ReleaseVersion} of `{revision.Revision.Name}`"));
                }
                else
                {
                    firstWithVersion[version] = revision;
                }
            }
            foreach (var field in new[] { "upgradesFrom", "downgradesTo" })
            {
                if (revision.Package[field] is not { Kind: JsonKind.Array } list) continue;
                foreach (var item in list.Items)
                {
                    if (item.Kind != JsonKind.String || item.String == "*" || versions.Contains(item.String!)) continue;
                    diagnostics.Add(RuleCatalog.UnknownUpgradeVersion.At(file.RelativePath, item.Position,
                        $"`{field}` names version \"{item.String}\", which no revision of `{revision.Revision.Name}` has"));
                }
            }
        }
    }
}
