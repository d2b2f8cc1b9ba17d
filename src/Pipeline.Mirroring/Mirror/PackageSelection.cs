using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// Chooses the revisions to mirror from a repository's listing; a reference that matches nothing is
/// a problem, not an exception. A revision keeps its number, unless two of one package share a
/// number (a hand-made index.json may): then that package is numbered from 0 in release order.
/// </summary>
public static class PackageSelection
{
    public static IReadOnlyList<SelectedRevision> Select(IReadOnlyList<PackageSummary> available, MirrorRequest request, List<string> problems)
    {
        var byPackage = available.GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.ReleaseVersion).ThenBy(p => p.Version, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var renumbered = byPackage.Where(p => p.Value.DistinctBy(v => v.ReleaseVersion).Count() < p.Value.Length).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        SelectedRevision Number(PackageSummary package) =>
            new(package, renumbered.Contains(package.Name) ? Array.IndexOf(byPackage[package.Name], package) : package.ReleaseVersion);

        var chosen = new List<SelectedRevision>();
        if (request.All)
        {
            chosen.AddRange(byPackage.Values.SelectMany(v => v).Select(Number));
        }
        else
        {
            foreach (var reference in request.Includes)
            {
                if (!byPackage.TryGetValue(reference.Name, out var versions))
                {
                    problems.Add($"package `{reference.Name}` is not in the repository");
                    continue;
                }
                var matching = reference.Version is null ? versions : versions.Where(v => v.Version == reference.Version).ToArray();
                if (matching.Length == 0)
                {
                    problems.Add($"`{reference.Name}` has no version `{reference.Version}` (versions: {string.Join(", ", versions.Select(v => v.Version))})");
                    continue;
                }
                chosen.AddRange(matching.Select(Number));
            }
        }
        return chosen.DistinctBy(r => (r.Name, r.Revision)).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Revision).ToArray();
    }
}
