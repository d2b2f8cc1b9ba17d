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
    public void AnHttpAddressIsFetchedAsIsAndItsContentSaysWhatItIs(string location) =>
        For(location).Should().Be(new Upstream("up", new Uri(location)));

    [Fact]
    public void AFolderUrlIsServedThroughItsIndex() =>
        For("http://example.com/universe/")!.Address.Should().Be(new Uri("http://example.com/universe/index.json"));

    [Theory]
    [InlineData("/srv/universe")]
    [InlineData("file:///srv/universe/index.json")]
    public void OtherLocationsAreNotServed(string location) => For(location).Should().BeNull();
}
