using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

public sealed class DeferredContentTests
{
    [Fact]
    public void AScanLeavesContentsForLoad()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("lazy", 0);

        var scanned = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { LoadContent = false }).Revisions.Single();

        scanned.PackageJson!.Deferred.Should().BeTrue();
        scanned.PackageJson.Content.Length.Should().Be(0);
        var loaded = scanned.Load();
        loaded.PackageJson!.Loaded.Should().BeTrue();
        loaded.PackageJson.Content.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(tree.Root, revision, "package.json")));
        loaded.Load().Should().BeSameAs(loaded);
    }

    [Fact]
    public void AFileThatVanishedBeforeLoadCarriesItsProblem()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("gone", 0);
        var scanned = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { LoadContent = false }).Revisions.Single();
        File.Delete(Path.Combine(tree.Root, revision, "package.json"));

        var file = scanned.Load().PackageJson!;

        file.Loaded.Should().BeFalse();
        file.LoadProblem.Should().Contain("cannot be read");
    }
}
