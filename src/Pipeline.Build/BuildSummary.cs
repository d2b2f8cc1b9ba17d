using Pipeline.Build.Output;
using Pipeline.Diagnostics;

namespace Pipeline.Build;

/// <summary>
/// What a streamed build (<see cref="RepositoryBuilder.BuildTo"/>) wrote: every file in ordinal
/// path order (SHA256SUMS among them) with its size and hash, and a diagnostic for every revision
/// that could not be built.
/// </summary>
public sealed class BuildSummary
{
    public BuildSummary(IReadOnlyList<WrittenFile> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<WrittenFile> Files { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public long TotalBytes => Files.Sum(f => f.Length);
}
