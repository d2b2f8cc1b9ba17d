using System.IO.Compression;
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
        return NamesOf(written, name => written.Contains(name + ".gz"));
    }

    /// <summary>
    /// The names <see cref="Names"/> gives for the same tree built with gzip copies, from a build
    /// in <paramref name="folder"/> without them (compressing is most of a build's time). JSON of
    /// 1 KiB or more shrinks; a smaller file is compressed here to see.
    /// </summary>
    public static IReadOnlyList<string> PredictNames(string folder, BuildSummary plain)
    {
        var sizes = plain.Files.ToDictionary(f => f.Path, f => f.Length, StringComparer.Ordinal);
        return NamesOf(sizes.Keys, name => sizes[name] >= 1024 || Shrinks(File.ReadAllBytes(Path.Combine(folder, name))));
    }

    private static List<string> NamesOf(IEnumerable<string> paths, Func<string, bool> hasGzipCopy)
    {
        var names = new List<string> { "index.json" };
        foreach (var name in paths.Where(IsRepositoryFile).Order(StringComparer.Ordinal)) names.Add(hasGzipCopy(name) ? name + ".gz" : name);
        names.Add("SHA256SUMS");
        return names;
    }

    /// <summary>Whether the build keeps a gzip copy: compressed as it compresses, smaller than the file.</summary>
    private static bool Shrinks(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return buffer.Length < content.Length;
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
