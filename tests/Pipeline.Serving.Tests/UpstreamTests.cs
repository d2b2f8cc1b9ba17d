using Pipeline.Repositories.Configuration;

namespace Pipeline.Serving.Tests;

public sealed class UpstreamTests
{
    private static Upstream? For(string location) => Upstream.For(new RepositoryEntry("up", location, 0));

    [Fact]
    public void AnHttpIndexIsServedAsIs() =>
        For("https://example.com/universe/index.json").Should().Be(new Upstream("up", new Uri("https://example.com/universe/index.json")));

    [Fact]
    public void AFolderUrlIsServedThroughItsIndex() =>
        For("http://example.com/universe/")!.Index.Should().Be(new Uri("http://example.com/universe/index.json"));

    [Theory]
    [InlineData("/srv/universe")]
    [InlineData("file:///srv/universe/index.json")]
    [InlineData("https://example.com/repo-up-to-1.13.json")]
    public void OtherLocationsAreNotServed(string location) => For(location).Should().BeNull();
}
