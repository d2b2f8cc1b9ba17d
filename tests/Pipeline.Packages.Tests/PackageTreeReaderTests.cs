using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

public sealed class PackageTreeReaderTests
{
    [Fact]
    public void ReadsRevisionsInNameThenNumberOrder()
    {
        using var tree = new TempTree();
        tree.Revision("beta", 10);
        tree.Revision("beta", 2);
        tree.Revision("alpha", 0);

        var read = PackageTreeReader.Read(tree.Root);

        read.Revisions.Select(r => r.ToString()).Should().Equal("alpha/0", "beta/2", "beta/10");
        read.Findings.Should().BeEmpty();
        read.Revisions[0].PackageJson!.RelativePath.Should().Be("packages/A/alpha/0/package.json");
    }

    [Fact]
    public void ReportsEveryLayoutProblemAndGoesOn()
    {
        using var tree = new TempTree();
        tree.Revision("good", 0);
        tree.Write("packages/b/bad-letter/0/package.json", "{}");
        tree.Write("packages/C/Capital/0/package.json", "{}");
        tree.Write("packages/D/elsewhere/0/package.json", "{}");
        tree.Write("packages/G/good/01/package.json", "{}");
        tree.Write("packages/G/good/notes.txt", "x");
        tree.Write("packages/G/good/0/marathon-extra.json", "{}");
        tree.Write("packages/H/hollow/0/config.json", "{}");

        var read = PackageTreeReader.Read(tree.Root);

        // The rule each fact breaks (UNI001–006, UNI009 in this order) is Validation's LayoutRules.
        read.Findings.Should().BeEquivalentTo(new LayoutFinding[]
        {
            new MisnamedLetterFolder("packages/b", "b"),
            new MisnamedPackageFolder("packages/C/Capital", "Capital"),
            new MisplacedPackageFolder("packages/D/elsewhere", "elsewhere", "D"),
            new MisnamedRevisionFolder("packages/G/good/01", "01", "good"),
            new StrayEntry("packages/G/good/notes.txt", "notes.txt", TreeLevel.PackageFolder),
            new UnknownRevisionEntry("packages/G/good/0/marathon-extra.json", "marathon-extra.json", IsFolder: false),
            new RevisionWithoutPackageJson("packages/H/hollow/0", "hollow", 0),
        }, options => options.ComparingRecordsByValue());
        read.Revisions.Select(r => r.ToString()).Should().Contain(["good/0", "bad-letter/0", "hollow/0"]);
    }

    [Fact]
    public void DoesNotFollowALinkOutOfTheTree()
    {
        using var tree = new TempTree();
        using var outside = new TempTree();
        var secret = outside.Write("secret.json", "{\"token\":\"x\"}");
        var revision = tree.Revision("linked", 0);
        File.CreateSymbolicLink(Path.Combine(tree.Root, revision, "config.json"), secret);

        var read = PackageTreeReader.Read(tree.Root);

        var refused = read.Findings.Should().ContainSingle().Which.Should().BeOfType<RefusedLink>().Subject;
        refused.Path.Should().Be("packages/L/linked/0/config.json");
        refused.Refusal.Should().Contain("outside the repository");
        read.Revisions.Single().ConfigJson.Should().BeNull();
    }

    [Fact]
    public void FollowsALinkInsideTheTreeWithAWarning()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("linked", 0);
        var target = tree.Write("shared/config.json", "{\"type\":\"object\"}");
        File.CreateSymbolicLink(Path.Combine(tree.Root, revision, "config.json"), Path.Combine("..", "..", "..", "..", "shared", "config.json"));

        var read = PackageTreeReader.Read(tree.Root);

        read.Findings.Should().ContainSingle().Which.Should().BeOfType<FollowedLink>().Which.Path.Should().Be($"{revision}/config.json");
        read.Revisions.Single().ConfigJson!.Content.Length.Should().Be((int)new FileInfo(target).Length);
    }

    [Fact]
    public void DoesNotReadAFileLargerThanTheLimit()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("big", 0);
        tree.Write($"{revision}/config.json", new byte[2048]);

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { MaxFileBytes = 1024 });

        read.Findings.Should().ContainSingle().Which.Should().Be(new OversizedRevisionFile($"{revision}/config.json", "config.json", 2048, 1024));
        read.Revisions.Single().ConfigJson!.Loaded.Should().BeFalse();
    }

    [Fact]
    public void ReportsADanglingLink()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("dangling", 0);
        File.CreateSymbolicLink(Path.Combine(tree.Root, revision, "resource.json"), "/nonexistent/resource.json");

        var read = PackageTreeReader.Read(tree.Root);

        read.Findings.Should().ContainSingle(f => f is RefusedLink && ((RefusedLink)f).Refusal.Contains("does not exist"));
    }
}
