using System.Text.Json.Nodes;
using Pipeline.Repositories.Sources;
using Pipeline.Testing;

namespace Pipeline.Repositories.Tests.Sources;

public sealed class DcosRepositorySourceTests
{
    private const string MediaType = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=";

    private static DcosRepositorySource Read(string stem, string? mediaType) =>
        new(stem, JsonNode.Parse(ReferenceRepository.ReadBytes(stem))!.AsObject(), mediaType);

    [CorpusFact]
    public async Task EveryConfigOfTheVersion3FileReadsBackAsUniverseJsonHasIt()
    {
        var universe = Read("universe", MediaType + "v5");
        var escaped = Read("repo-up-to-1.9", MediaType + "v3");
        var unescapedAsV4 = Read("repo-up-to-1.9", MediaType + "v4");

        var listing = await escaped.ListAsync();
        var differing = 0;
        var differingWithoutUnescaping = 0;
        foreach (var revision in listing)
        {
            var original = (await universe.GetRevisionAsync(revision))!.Config;
            if (!JsonNode.DeepEquals((await escaped.GetRevisionAsync(revision))!.Config, original)) differing++;
            if (!JsonNode.DeepEquals((await unescapedAsV4.GetRevisionAsync(revision))!.Config, original)) differingWithoutUnescaping++;
        }

        listing.Should().HaveCount(612);
        differing.Should().Be(0);
        differingWithoutUnescaping.Should().Be(94, "Universe escaped the configs of 94 of the 612 revisions for DC/OS 1.8 and 1.9");
    }

    [Theory]
    [InlineData(null, "file:///srv/repo-up-to-1.9.json", "v3")]
    [InlineData(null, "file:///srv/repo-up-to-1.8.json", "v3")]
    [InlineData(null, "https://example.com/repo-empty-v3.json", "v3")]
    [InlineData(null, "https://example.com/repo-up-to-1.10.json", null)]
    [InlineData(null, "https://example.com/universe.json", null)]
    [InlineData("application/json", "https://example.com/repo-up-to-1.9.json", "v3")]
    [InlineData(MediaType + "v4", "https://example.com/repo-up-to-1.9.json", "v4")]
    [InlineData(MediaType + "V5", "https://example.com/repo", "v5")]
    public void TheRepositoryVersionComesFromTheMediaTypeElseTheFileName(string? mediaType, string address, string? expected)
    {
        DcosRepositoryVersion.Of(mediaType, new Uri(address)).Should().Be(expected);
    }

    [Fact]
    public async Task EscapedQuotesInDescriptionsAndStringDefaultsAreTakenOutAtAnyDepth()
    {
        var document = JsonNode.Parse("""
            {"packages": [{"name": "a", "version": "1", "releaseVersion": 0, "config": {"properties": {
              "s": {"type": "string", "default": "say \\\"hi\\\"", "description": "a \\\"quoted\\\" word"},
              "n": {"type": "number", "default": 1, "description": "plain"},
              "o": {"type": "object", "properties": {"t": {"type": "string", "default": "\\\"x\\\""}}}}}}]}
            """)!.AsObject();

        var config = (await new DcosRepositorySource("test", document, MediaType + "v3").GetAsync("a", "1"))!.Config!;

        config["properties"]!["s"]!["default"]!.GetValue<string>().Should().Be("say \"hi\"");
        config["properties"]!["s"]!["description"]!.GetValue<string>().Should().Be("a \"quoted\" word");
        config["properties"]!["o"]!["properties"]!["t"]!["default"]!.GetValue<string>().Should().Be("\"x\"");
    }
}
