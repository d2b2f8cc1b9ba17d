using Pipeline.Build.Output;

namespace Pipeline.Build;

/// <summary>
/// What a streamed build (<see cref="RepositoryBuilder.BuildTo"/>) wrote: every file in ordinal
/// path order (SHA256SUMS among them) with its size and hash, and every revision that could not
/// be built, with the file that stopped it.
/// </summary>
public sealed class BuildSummary
{
    public BuildSummary(IReadOnlyList<WrittenFile> files, IReadOnlyList<UnbuiltRevision> unbuilt)
    {
        Files = files;
        Unbuilt = unbuilt;
    }

    public IReadOnlyList<WrittenFile> Files { get; }
    public IReadOnlyList<UnbuiltRevision> Unbuilt { get; }

    public long TotalBytes => Files.Sum(f => f.Length);
}
