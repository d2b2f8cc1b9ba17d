using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing;

namespace Pipeline.Build.Tests.Support;

/// <summary>One build of the shared corpus, shared by the tests of a class (it takes a second or two).</summary>
public sealed class CorpusBuild
{
    private readonly Lazy<BuildResult> _result = new(() => Build());

    public BuildResult Result => _result.Value;

    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public static BuildResult Build(BuildOptions? options = null)
    {
        var root = TreeLocator.FindRoot(SharedCorpus.Repository, out var reason)
            ?? throw new InvalidOperationException(reason);
        return RepositoryBuilder.Build(PackageTreeReader.Read(root), options ?? new BuildOptions { SourceCommit = Commit });
    }
}
