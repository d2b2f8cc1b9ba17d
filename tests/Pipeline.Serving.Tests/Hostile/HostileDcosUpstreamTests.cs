using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests.Hostile;

/// <summary>A DC/OS upstream answering badly costs a bounded, reported outcome; the last good copy stays served.</summary>
public sealed class HostileDcosUpstreamTests : IAsyncLifetime, IDisposable
{
    private const string V5 = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5";
    private const int MaxBytes = 256 * 1024;
    private readonly ServingTrees _trees = new();
    private readonly HttpClient _client = new();
    private readonly ManualClock _clock = new();
    private readonly ConcurrentQueue<string> _notices = new();
    private StaticFileServer _files = null!;
    private UniverseServer _server = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _trees.Add("public", "beta", 0, "2.0.0").Add("public", "delta", 0, "4.0.0");
        _files = await StaticFileServer.StartAsync();
        _address = ServingTrees.PublishDcos(_files, _trees.Build("public"));
        _server = await UniverseServer.StartAsync(new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Upstreams = [new Upstream("public", _address)],
            Clock = _clock,
            Limits = new FetchLimits { MaxBytes = MaxBytes, Deadline = TimeSpan.FromSeconds(20) },
            Notice = _notices.Enqueue,
        });
        await _server.UpstreamsAsync();
    }

    public static TheoryData<string, string> Answers { get; } = new()
    {
        { """{"packages": [""", "not valid JSON" },
        { """{"packages": {"name": "beta"}}""", "no `packages` array" },
        { """["beta"]""", "not a JSON object" },
        { "{\"packages\": [\"" + new string('x', MaxBytes) + "\"]}", "bytes" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task An_answer_that_is_not_a_repository_keeps_the_last_good_copy_and_says_why(string answer, string problem)
    {
        var health = await AfterAnswerAsync(answer);

        ((string)health["sources"]![0]!["state"]!).Should().Be("stale");
        ((string)health["sources"]![0]!["problem"]!).Should().Contain(problem);
        ServingTrees.Names(await _client.GetStringAsync(new Uri(_server.Url, "index.json"))).Should().Equal("beta", "delta");
    }

    [Fact]
    public async Task Packages_that_cannot_be_read_are_left_out_reported_once_and_the_rest_served()
    {
        const string template = "\"marathon\": {\"v2AppMustacheTemplate\": \"%%% not base64\"}";
        var answer = $$"""
            {"packages": [
              {"packagingVersion": "4.0", "name": "epsilon", "version": "1", "releaseVersion": 0},
              {"packagingVersion": "4.0", "version": "1", "releaseVersion": 0},
              {"packagingVersion": "4.0", "name": "zeta", "version": "1", "releaseVersion": 0, {{template}}}
            ]}
            """;

        var health = await AfterAnswerAsync(answer);
        for (var i = 0; i < 5; i++) await _client.GetStringAsync(new Uri(_server.Url, "index.json"));

        ((string)health["sources"]![0]!["state"]!).Should().Be("fresh");
        health["sources"]![0]!["leftOutCount"]!.GetValue<int>().Should().Be(2);
        health["sources"]![0]!["leftOut"]!.AsArray().Select(p => (string)p!).Should().Equal(
            "packages[1]: no `name`", "packages[2]: `zeta` release 0: marathon.v2AppMustacheTemplate is not base64");
        _notices.Should().ContainSingle().Which.Should().StartWith("upstream `public`: 2 package(s) of ").And.Contain("packages[1]: no `name`");
        ServingTrees.Names(await _client.GetStringAsync(new Uri(_server.Url, "index.json"))).Should().Equal("epsilon");
    }

    [Fact]
    public async Task The_same_answer_again_from_a_server_without_ETags_is_not_converted_again()
    {
        await AfterAnswerAsync("""{"packages": [{"name": "epsilon", "version": "1", "releaseVersion": 0}, {"version": "1"}]}""");

        _clock.Advance(TimeSpan.FromMinutes(6));
        await _server.UpstreamsAsync();
        await _server.UpstreamsSettledAsync();
        await _client.GetStringAsync(new Uri(_server.Url, "index.json"));

        _files.Requests.Count(r => r == _address.AbsolutePath).Should().Be(3, "fetched at start, for the new answer and again after the TTL");
        _notices.Should().ContainSingle("each conversion tells the package left out, and the same bytes are not converted again");
    }

    private async Task<JsonNode> AfterAnswerAsync(string answer)
    {
        _files.Add(_address.AbsolutePath, Encoding.UTF8.GetBytes(answer), V5);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await _server.UpstreamsAsync();
        await _server.UpstreamsSettledAsync();
        return JsonNode.Parse(await _client.GetStringAsync(new Uri(_server.Url, "health")))!;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _files.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _trees.Dispose();
    }
}
