using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

public sealed class SourceCommitTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void ResolvesABranchFromLooseAndPackedRefs()
    {
        using var tree = new TempTree();
        tree.Write(".git/HEAD", "ref: refs/heads/main\n");
        tree.Write(".git/packed-refs", $"# pack-refs with: peeled\n{Commit} refs/heads/main\n");
        SourceCommit.Find(Path.Combine(tree.Root, "packages")).Should().Be(Commit);

        var newer = "fedcba9876543210fedcba9876543210fedcba98";
        tree.Write(".git/refs/heads/main", newer + "\n");
        SourceCommit.Find(tree.Root).Should().Be(newer);
    }

    [Fact]
    public void ResolvesADetachedHeadAndIsNullOutsideARepository()
    {
        using var tree = new TempTree();
        SourceCommit.Find(tree.Root).Should().BeNull();
        tree.Write(".git/HEAD", Commit + "\n");
        SourceCommit.Find(tree.Root).Should().Be(Commit);
    }
}
