using System.Text.Json.Nodes;
using Pipeline.Repositories.Fetching;

namespace Pipeline.Serving.Tests.Dcos;

/// <summary>A DC/OS repository file on disk (a <c>file:</c> URL) as an upstream.</summary>
public sealed class DcosFileUpstreamTests : IDisposable
{
    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task A_file_is_served_and_read_again_after_the_TTL()
    {
        _trees.Add("public", "beta", 0, "2.0.0");
        var file = Path.Combine(_trees.Root, "universe.json");
        await File.WriteAllBytesAsync(file, _trees.Build("public").GetBytes("universe.json"));
        await using var server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Upstreams = [new Upstream("disk", new Uri(file)), new Upstream("device", new Uri("file:///dev/zero"))],
            Clock = _clock,
            Limits = new FetchLimits { MaxBytes = 1024 * 1024, Deadline = TimeSpan.FromSeconds(20) },
        });
        var before = ServingTrees.Names(await _client.GetStringAsync(new Uri(server.Url, "index.json")));

        _trees.Add("public", "delta", 0, "4.0.0");
        await File.WriteAllBytesAsync(file, _trees.Build("public").GetBytes("universe.json"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        await server.UpstreamsAsync();
        await server.UpstreamsSettledAsync();
        var after = ServingTrees.Names(await _client.GetStringAsync(new Uri(server.Url, "index.json")));
        var health = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "health")))!;

        before.Should().Equal("beta");
        after.Should().Equal("beta", "delta");
        ((string)health["sources"]![0]!["kind"]!).Should().Be("dcos");
        ((string)health["sources"]![1]!["state"]!).Should().Be("failing");
        ((string)health["sources"]![1]!["problem"]!).Should().Contain("/dev/zero").And.Contain("not a regular file");
    }

    public void Dispose()
    {
        _client.Dispose();
        _trees.Dispose();
    }
}
