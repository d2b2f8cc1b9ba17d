using Pipeline.GitHub;

namespace Pipeline.Publishing.Tests;

public sealed class PagesAddressTests
{
    [Theory]
    [InlineData("acme", "universe", "https://github.com", "https://acme.github.io/universe/")]
    [InlineData("acme", "acme.github.io", "https://github.com/", "https://acme.github.io/")]
    [InlineData("Acme", "ACME.github.io", "https://github.com", "https://acme.github.io/")]
    [InlineData("acme", "universe", "https://github.example.com", null)]
    public void AProjectSiteIsServedUnderItsRepositoryName(string owner, string name, string server, string? expected) =>
        PagesAddress.SiteUrl(new RepositorySlug(owner, name), server).Should().Be(expected);
}
