using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

public sealed class TreeLocatorTests
{
    [Fact]
    public void AcceptsTheRootThePackagesFolderAndACheckout()
    {
        using var tree = new TempTree();
        var checkout = Path.Combine(tree.Root, "checkout");
        Directory.CreateDirectory(Path.Combine(checkout, "repo", "packages"));

        TreeLocator.FindRoot(tree.Root, out _).Should().Be(tree.Root);
        TreeLocator.FindRoot(Path.Combine(tree.Root, "packages"), out _).Should().Be(tree.Root);
        TreeLocator.FindRoot(Path.Combine(tree.Root, "packages", "..", "packages"), out _).Should().Be(tree.Root);
        TreeLocator.FindRoot(checkout, out _).Should().Be(Path.Combine(checkout, "repo"));
        TreeLocator.FindRoot(Path.Combine(checkout, "repo"), out _).Should().Be(Path.Combine(checkout, "repo"));
    }

    [Fact]
    public void ExplainsWhyAPathIsNoTree()
    {
        using var tree = new TempTree();
        var empty = Path.Combine(tree.Root, "empty");
        Directory.CreateDirectory(empty);

        TreeLocator.FindRoot(empty, out var reason).Should().BeNull();
        reason.Should().Contain("holds no packages/ folder");
        TreeLocator.FindRoot(Path.Combine(tree.Root, "missing"), out reason).Should().BeNull();
        reason.Should().Contain("does not exist");
    }

    [Fact]
    public void BothAPackagesFolderAndACheckoutIsAnErrorNamingBoth()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, "repo", "packages"));

        TreeLocator.FindRoot(tree.Root, out var reason).Should().BeNull();
        reason.Should().Contain(Path.Combine(tree.Root, "packages")).And.Contain(Path.Combine(tree.Root, "repo", "packages"));
        TreeLocator.FindRoot(Path.Combine(tree.Root, "repo"), out _).Should().Be(Path.Combine(tree.Root, "repo"));
        TreeLocator.FindRoot(Path.Combine(tree.Root, "packages"), out _).Should().Be(tree.Root);
    }
}
