using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

/// <summary>
/// A link is judged by where it really leads: a link in the middle of its target path is resolved
/// too, and nothing in the repository's .git folder is followed. Real links in temp folders.
/// </summary>
public sealed class LinkThroughLinkTests
{
    private const string Readme = "packages/E/evil/0/README.md";

    [Fact]
    public void ALinkEscapingThroughAFolderLinkInTheTreeIsRefused()
    {
        using var tree = new TempTree();
        tree.Revision("evil", 0);
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "esc"), "/");
        File.CreateSymbolicLink(Path.Combine(tree.Root, Readme), "../../../../esc/etc/passwd");

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions());

        var refused = read.Findings.Should().ContainSingle(f => f.Path == Readme).Which.Should().BeOfType<RefusedLink>().Subject;
        refused.Refusal.Should().Contain("outside the repository");
    }

    [Fact]
    public void ALinkIntoDotGitIsRefused()
    {
        using var tree = new TempTree();
        tree.Revision("evil", 0);
        tree.Write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic secret\n");
        File.CreateSymbolicLink(Path.Combine(tree.Root, Readme), "../../../../.git/config");

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions());

        var refused = read.Findings.Should().ContainSingle(f => f.Path == Readme).Which.Should().BeOfType<RefusedLink>().Subject;
        refused.Refusal.Should().Contain("points into .git");
    }

    [Fact]
    public void ALinkThroughAFolderLinkThatStaysInTheTreeIsFollowed()
    {
        using var tree = new TempTree();
        tree.Revision("evil", 0);
        tree.Write("docs/README.md", "# evil\n");
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "here"), ".");
        File.CreateSymbolicLink(Path.Combine(tree.Root, Readme), "../../../../here/docs/README.md");

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions());

        read.Findings.Should().ContainSingle(f => f.Path == Readme).Which.Should().BeOfType<FollowedLink>();
    }

    [Fact]
    public void ALinkLoopIsRefusedAfterABoundedNumberOfHops()
    {
        using var tree = new TempTree();
        tree.Revision("evil", 0);
        File.CreateSymbolicLink(Path.Combine(tree.Root, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "b"), "a");
        File.CreateSymbolicLink(Path.Combine(tree.Root, Readme), "../../../../a");

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions());

        var refused = read.Findings.Should().ContainSingle(f => f.Path == Readme).Which.Should().BeOfType<RefusedLink>().Subject;
        refused.Refusal.Should().Contain($"more than {RealPath.MaxHops} links");
    }
}
