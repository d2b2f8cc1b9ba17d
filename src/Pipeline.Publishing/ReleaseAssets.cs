using Pipeline.Build;
using Pipeline.GitHub.Releases;

namespace Pipeline.Publishing;

/// <summary>
/// What a release carries: index.json, the DC/OS repository files gzipped (universe.json and
/// repo-up-to-*.json are tens of megabytes, their gzip copies a tenth of that), and SHA256SUMS,
/// which lists the uncompressed files, so a consumer verifies after unpacking.
/// </summary>
public static class ReleaseAssets
{
    public static IReadOnlyList<ReleaseFile> From(string outputFolder, BuildSummary build)
    {
        var written = build.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var assets = new List<ReleaseFile> { ReleaseFile.FromFile("index.json", "application/json", Path.Combine(outputFolder, "index.json")) };
        foreach (var name in written.Where(IsRepositoryFile).Order(StringComparer.Ordinal))
        {
            var gz = name + ".gz";
            assets.Add(written.Contains(gz)
                ? ReleaseFile.FromFile(gz, "application/gzip", Path.Combine(outputFolder, gz))
                : ReleaseFile.FromFile(name, "application/json", Path.Combine(outputFolder, name)));
        }
        assets.Add(ReleaseFile.FromFile("SHA256SUMS", "text/plain", Path.Combine(outputFolder, "SHA256SUMS")));
        return assets;
    }

    private static bool IsRepositoryFile(string path) =>
        !path.Contains('/') && (path == "universe.json" || path.StartsWith("repo-up-to-", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal));
}
