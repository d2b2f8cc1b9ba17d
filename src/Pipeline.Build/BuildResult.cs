using Pipeline.Build.Output;
using Pipeline.Diagnostics;

namespace Pipeline.Build;

/// <summary>
/// Everything a build produced, in memory: the output files in ordinal path order (SHA256SUMS
/// among them) and a diagnostic for every revision that could not be built.
/// </summary>
public sealed class BuildResult
{
    private readonly Dictionary<string, BuiltFile> _byPath;

    public BuildResult(IReadOnlyList<BuiltFile> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public IReadOnlyList<BuiltFile> Files { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public BuiltFile? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The content of a file; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public byte[] GetBytes(string path) =>
        Find(path)?.ToArray() ?? throw new KeyNotFoundException($"the build has no file {path}");
}
