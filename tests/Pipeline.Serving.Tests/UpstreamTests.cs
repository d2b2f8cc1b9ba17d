using Pipeline.Repositories.Configuration;

namespace Pipeline.Serving.Tests;

public sealed class UpstreamTests
{
    private static Upstream? For(string location) => Upstream.For(new RepositoryEntry("up", location, 0));

    [Theory]
    [InlineData("https://example.com/universe/index.json")]
    [InlineData("https://example.com/repo-up-to-1.13.json")]
    [InlineData("https://example.com/universe.json")]
    [InlineData("https://universe.example.com/repo")]
    [InlineData("file:///srv/universe/repo-up-to-2.0.json")]
    public void AnHttpOrFileAddressIsFetchedAsIsAndItsContentSaysWhatItIs(string location) =>
        For(location).Should().Be(new Upstream("up", new Uri(location)));

    [Fact]
    public void AFolderUrlIsServedThroughItsIndex() =>
        For("http://example.com/universe/")!.Address.Should().Be(new Uri("http://example.com/universe/index.json"));

    [Fact]
    public void APackageTreeOnDiskIsNotServed()
    {
        var tree = Directory.CreateTempSubdirectory("universe-tree-");
        try
        {
            For(tree.FullName).Should().BeNull();
            For(new Uri(tree.FullName).AbsoluteUri).Should().BeNull();
            For("relative/tree").Should().BeNull();
        }
        finally
        {
            tree.Delete();
        }
    }
}
