using Pipeline.Serving.Negotiation;

namespace Pipeline.Serving.Tests;

public sealed class RepositoryNegotiationTests
{
    private const string Repo = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=";

    [Theory]
    [InlineData("cosmos/0.4.0 dcos/1.10.0", null, "1.10", "v4")]
    [InlineData("dcos/1.8", null, "1.8", "v3")]
    [InlineData("dcos/1.12.1", Repo + "v5", "1.12", "v5")]
    [InlineData("dcos/1.14", null, "1.13", "v5")]
    [InlineData("dcos/2.3", null, "2.0", "v5")]
    [InlineData(null, null, "2.0", "v5")]
    [InlineData("curl/8.0 dcos-cli/1.10", null, "2.0", "v5")]
    [InlineData("dcos/1.10", Repo + "v3," + Repo + "v4", "1.10", "v4")]
    [InlineData("dcos/1.10", Repo + "v5", "1.10", "v5")]
    [InlineData(null, Repo + "v4", "1.11", "v4")]
    [InlineData("dcos/2.0", Repo + "v3", "1.9", "v3")]
    [InlineData("dcos/1.10", Repo + "v5;q=0," + Repo + "v4", "1.10", "v4")]
    [InlineData("dcos/1.10", "application/json, */*", "1.10", "v4")]
    public void ChoosesTheReleaseAndRepositoryVersion(string? userAgent, string? accept, string release, string version)
    {
        var choice = RepositoryNegotiation.Choose(userAgent, accept);

        choice.Problem.Should().BeNull();
        choice.Release!.Version.Should().Be(release);
        choice.ContentType.Should().Be(Repo + version);
    }

    [Theory]
    [InlineData("dcos/1.7", null)]
    [InlineData("dcos/1.10", Repo + "v6")]
    [InlineData("dcos/1.10", Repo + "v2")]
    [InlineData("dcos/1.10", "application/vnd.dcos.universe.repo+json")]
    public void RefusesWhatCannotBeServed(string userAgent, string? accept)
    {
        var choice = RepositoryNegotiation.Choose(userAgent, accept);

        choice.Release.Should().BeNull();
        choice.Problem.Should().NotBeNullOrEmpty();
    }
}
