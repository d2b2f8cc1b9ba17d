using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Tests;

/// <summary>
/// Links committed in a pull request are never followed out of the tree: not the packages folder,
/// not a letter, package or revision folder, not universe.yaml. Real links in temp folders.
/// </summary>
public sealed class LinkOutOfTreeTests
{
    [Fact]
    public void APackagesFolderLinkedOutOfTheTreeIsNotFollowed()
    {
        using var outside = new TempTree();
        outside.Revision("stolen", 0);
        using var tree = new TempTree();
        Directory.Delete(Path.Combine(tree.Root, "packages"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "packages"), Path.Combine(outside.Root, "packages"));

        foreach (var options in new[] { new TreeReaderOptions(), new TreeReaderOptions { OnlyPackageFolders = [("S", "stolen")] } })
        {
            var read = PackageTreeReader.Read(tree.Root, options);

            read.Revisions.Should().BeEmpty();
            var link = read.Diagnostics.Should().ContainSingle(d => d.Code == "UNI007").Subject;
            link.File.Should().Be("packages");
            link.Message.Should().Contain("outside the repository");
        }
    }

    [Theory]
    [InlineData("packages/S")]
    [InlineData("packages/S/stolen")]
    [InlineData("packages/S/stolen/0")]
    public void AFolderBelowPackagesLinkedOutOfTheTreeIsNotFollowed(string linked)
    {
        using var outside = new TempTree();
        outside.Revision("stolen", 0);
        using var tree = new TempTree();
        tree.Revision("other", 0);
        Directory.CreateDirectory(Path.Combine(tree.Root, Path.GetDirectoryName(linked)!));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, linked), Path.Combine(outside.Root, linked));

        foreach (var options in new[] { new TreeReaderOptions(), new TreeReaderOptions { OnlyPackageFolders = [("S", "stolen")] } })
        {
            var read = PackageTreeReader.Read(tree.Root, options);

            read.Revisions.Should().NotContain(r => r.Name == "stolen");
            read.Diagnostics.Should().ContainSingle(d => d.Code == "UNI007").Which.File.Should().Be(linked);
        }
    }

    [Fact]
    public void UniverseYamlLinkedOutOfTheTreeIsNotRead()
    {
        using var outside = new TempTree();
        var secret = outside.Write("secret.yaml", "name: stolen\n");
        using var tree = new TempTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "universe.yaml"), secret);
        var diagnostics = new List<Diagnostic>();

        var settings = RepositorySettingsReader.Read(tree.Root, diagnostics);

        settings.Name.Should().Be(Path.GetFileName(tree.Root));
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "UNI007" && d.File == "universe.yaml");
    }

    [Fact]
    public void UniverseYamlLinkedToDevZeroIsRefusedWithoutReading()
    {
        using var tree = new TempTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "universe.yaml"), "/dev/zero");
        var diagnostics = new List<Diagnostic>();

        var before = GC.GetAllocatedBytesForCurrentThread();
        RepositorySettingsReader.Read(tree.Root, diagnostics);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        diagnostics.Should().ContainSingle().Which.Code.Should().Be("UNI007");
        allocated.Should().BeLessThan(1024 * 1024);
    }

    [Fact]
    public void UniverseYamlLinkedInsideTheTreeIsRead()
    {
        using var tree = new TempTree();
        tree.Write("settings/universe.yaml", "name: acme\n");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "universe.yaml"), Path.Combine("settings", "universe.yaml"));
        var diagnostics = new List<Diagnostic>();

        RepositorySettingsReader.Read(tree.Root, diagnostics).Name.Should().Be("acme");
        diagnostics.Should().BeEmpty();
    }
}
