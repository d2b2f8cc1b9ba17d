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
    public static IReadOnlyList<ReleaseFile> From(string outputFolder, BuildSummary build) =>
        [.. Names(build).Select(name => ReleaseFile.FromFile(name, ContentType(name), Path.Combine(outputFolder, name)))];

    /// <summary>The assets' names, in the order they are uploaded: a DC/OS file is named by its gzip copy when the build wrote one.</summary>
    public static IReadOnlyList<string> Names(BuildSummary build)
    {
        var written = build.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var names = new List<string> { "index.json" };
        foreach (var name in written.Where(IsRepositoryFile).Order(StringComparer.Ordinal))
        {
            var gz = name + ".gz";
            names.Add(written.Contains(gz) ? gz : name);
        }
        names.Add("SHA256SUMS");
        return names;
    }

    private static string ContentType(string name) => name switch
    {
        "SHA256SUMS" => "text/plain",
        _ when name.EndsWith(".gz", StringComparison.Ordinal) => "application/gzip",
        _ => "application/json",
    };

    private static bool IsRepositoryFile(string path) =>
        !path.Contains('/') && (path == "universe.json" || path.StartsWith("repo-up-to-", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal));
}
