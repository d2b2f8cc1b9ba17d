using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Packages.Documents;

namespace Pipeline.Promotion.Planning;

/// <summary>The revisions of one package in the target tree, read without the rest of the tree.</summary>
public static class TargetInventory
{
    /// <exception cref="IOException">The tree cannot be read.</exception>
    public static IReadOnlyList<TargetRevision> Read(string root, string name)
    {
        var tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false, OnlyPackages = new HashSet<string>(StringComparer.Ordinal) { name } });
        return tree.Revisions
            .Where(r => r.Name == name)
            .Select(r => new TargetRevision(r.ReleaseVersion, r.RelativeDirectory, PackageDocument.Read(r.PackageJson?.Load())?.Version))
            .OrderBy(r => r.ReleaseVersion)
            .ToArray();
    }
}
