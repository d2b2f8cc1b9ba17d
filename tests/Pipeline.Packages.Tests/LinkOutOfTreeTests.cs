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
            var link = read.Findings.OfType<RefusedLink>().Should().ContainSingle().Subject;
            link.Path.Should().Be("packages");
            link.Refusal.Should().Contain("outside the repository");
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
            read.Findings.OfType<RefusedLink>().Should().ContainSingle().Which.Path.Should().Be(linked);
        }
    }

    [Fact]
    public void UniverseYamlLinkedOutOfTheTreeIsNotRead()
    {
        using var outside = new TempTree();
        var secret = outside.Write("secret.yaml", "name: stolen\n");
        using var tree = new TempTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "universe.yaml"), secret);
        var findings = new List<LayoutFinding>();

        var settings = RepositorySettingsReader.Read(tree.Root, findings);

        settings.Name.Should().Be(Path.GetFileName(tree.Root));
        findings.Should().ContainSingle().Which.Should().BeOfType<RefusedLink>().Which.Path.Should().Be("universe.yaml");
    }

    [Fact]
    public void UniverseYamlLinkedToDevZeroIsRefusedWithoutReading()
    {
        using var tree = new TempTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "universe.yaml"), "/dev/zero");
        var findings = new List<LayoutFinding>();

        var before = GC.GetAllocatedBytesForCurrentThread();
        RepositorySettingsReader.Read(tree.Root, findings);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        findings.Should().ContainSingle().Which.Should().BeOfType<RefusedLink>();
        allocated.Should().BeLessThan(1024 * 1024);
    }

    [Fact]
    public void UniverseYamlLinkedInsideTheTreeIsRead()
    {
        using var tree = new TempTree();
        tree.Write("settings/universe.yaml", "name: acme\n");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "universe.yaml"), Path.Combine("settings", "universe.yaml"));
        var findings = new List<LayoutFinding>();

        RepositorySettingsReader.Read(tree.Root, findings).Name.Should().Be("acme");
        findings.Should().BeEmpty();
    }
}
