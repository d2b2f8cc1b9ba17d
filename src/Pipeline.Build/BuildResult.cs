using Pipeline.Build.Output;

namespace Pipeline.Build;

/// <summary>
/// Everything a build produced, in memory: the output files in ordinal path order (SHA256SUMS
/// among them) and every revision that could not be built, with the file that stopped it.
/// </summary>
public sealed class BuildResult
{
    private readonly Dictionary<string, BuiltFile> _byPath;

    public BuildResult(IReadOnlyList<BuiltFile> files, IReadOnlyList<UnbuiltRevision> unbuilt)
    {
        Files = files;
        Unbuilt = unbuilt;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public IReadOnlyList<BuiltFile> Files { get; }
    public IReadOnlyList<UnbuiltRevision> Unbuilt { get; }

    public BuiltFile? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The content of a file; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public byte[] GetBytes(string path) =>
        Find(path)?.ToArray() ?? throw new KeyNotFoundException($"the build has no file {path}");
}
