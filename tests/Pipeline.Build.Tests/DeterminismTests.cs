using Pipeline.Build.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Build.Tests;

public sealed class DeterminismTests
{
    [CorpusFact]
    public void Two_builds_of_the_corpus_give_the_same_bytes_whatever_the_parallelism()
    {
        var first = CorpusBuild.Build();
        var second = CorpusBuild.Build(new BuildOptions { SourceCommit = CorpusBuild.Commit, MaxDegreeOfParallelism = 1 });

        second.Files.Select(f => f.Path).Should().Equal(first.Files.Select(f => f.Path));
        foreach (var file in first.Files)
        {
            second.GetBytes(file.Path).AsSpan().SequenceEqual(file.ToArray()).Should().BeTrue($"{file.Path} must not change between builds");
        }
    }

    [Fact]
    public void Two_builds_of_a_small_tree_give_the_same_bytes()
    {
        using var tree = new TempPackageTree();
        SmallTrees.AddAlphaAndBeta(tree);

        var first = RepositoryBuilder.Build(tree.Read(), new BuildOptions { Gzip = true });
        var second = RepositoryBuilder.Build(tree.Read(), new BuildOptions { Gzip = true });

        second.Files.Select(f => f.Path).Should().Equal(first.Files.Select(f => f.Path));
        foreach (var file in first.Files) second.GetBytes(file.Path).Should().Equal(file.ToArray(), file.Path);
    }
}
