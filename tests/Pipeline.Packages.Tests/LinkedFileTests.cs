using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

public sealed class LinkedFileTests
{
    [Fact]
    public void ALinkInsideTheTreeIsReadWholeAsItsTarget()
    {
        using var tree = new TempTree();
        var first = tree.Revision("linked", 0);
        var second = tree.Revision("linked", 1);
        var config = tree.Write(Path.Combine(first, "config.json"), """{"type": "object", "properties": {"a": {"type": "string", "default": "a fairly long default value"}}}""");
        File.CreateSymbolicLink(Path.Combine(tree.Root, second, "config.json"), Path.Combine("..", "0", "config.json"));

        foreach (var loadContent in new[] { true, false })
        {
            var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { LoadContent = loadContent });

            var linked = read.Revisions.Single(r => r.ReleaseVersion == 1).Load();
            linked.ConfigJson!.Content.ToArray().Should().Equal(File.ReadAllBytes(config), $"loading content {(loadContent ? "at once" : "later")}");
            read.Findings.Should().ContainSingle().Which.Should().BeOfType<FollowedLink>();
        }
    }

    [Fact]
    public void ALinkToAFileOverTheSizeLimitIsNotRead()
    {
        using var tree = new TempTree();
        var first = tree.Revision("big", 0);
        var second = tree.Revision("big", 1);
        tree.Write(Path.Combine(first, "README.md"), new string('x', 4096));
        File.CreateSymbolicLink(Path.Combine(tree.Root, second, "README.md"), Path.Combine("..", "0", "README.md"));

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { MaxFileBytes = 1024 });

        // The link itself is a few bytes; what counts is the 4 KB it points to.
        read.Findings.OfType<OversizedRevisionFile>().Select(f => f.Path).Should().BeEquivalentTo(
            "packages/B/big/0/README.md", "packages/B/big/1/README.md");
        read.Revisions.Single(r => r.ReleaseVersion == 1).Readme!.Loaded.Should().BeFalse();
    }
}
