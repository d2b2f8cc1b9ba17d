using Pipeline.Diagnostics;
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
        read.Diagnostics.Should().BeEmpty();
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

        read.Diagnostics.Select(d => (d.Code, d.File)).Should().BeEquivalentTo(new[]
        {
            ("UNI001", "packages/b"),
            ("UNI002", "packages/C/Capital"),
            ("UNI003", "packages/D/elsewhere"),
            ("UNI004", "packages/G/good/01"),
            ("UNI005", "packages/G/good/notes.txt"),
            ("UNI006", "packages/G/good/0/marathon-extra.json"),
            ("UNI009", "packages/H/hollow/0"),
        });
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

        var diagnostic = read.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be("UNI007");
        diagnostic.File.Should().Be("packages/L/linked/0/config.json");
        diagnostic.Message.Should().Contain("outside the repository");
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

        read.Diagnostics.Should().ContainSingle(d => d.Code == "UNI008" && d.Severity == Severity.Warning);
        read.Revisions.Single().ConfigJson!.Content.Length.Should().Be((int)new FileInfo(target).Length);
    }

    [Fact]
    public void DoesNotReadAFileLargerThanTheLimit()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("big", 0);
        tree.Write($"{revision}/config.json", new byte[2048]);

        var read = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { MaxFileBytes = 1024 });

        read.Diagnostics.Should().ContainSingle(d => d.Code == "UNI010" && d.File == $"{revision}/config.json");
        read.Revisions.Single().ConfigJson!.Loaded.Should().BeFalse();
    }

    [Fact]
    public void ReportsADanglingLink()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("dangling", 0);
        File.CreateSymbolicLink(Path.Combine(tree.Root, revision, "resource.json"), "/nonexistent/resource.json");

        var read = PackageTreeReader.Read(tree.Root);

        read.Diagnostics.Should().ContainSingle(d => d.Code == "UNI007" && d.Message.Contains("does not exist"));
    }
}
