using System.Text.Json.Nodes;
using Pipeline.Build.Dcos;
using Pipeline.Serving.Upstreams;
using Pipeline.Testing;
using Pipeline.Testing.StaticFiles;

namespace Pipeline.Serving.Tests.Dcos;

/// <summary>
/// The public universe as an upstream: Universe's own <c>universe.json</c> (or a <c>/repo</c>
/// endpoint) behind serve gives, for every DC/OS release, Universe's own repository file.
/// </summary>
public sealed class DcosCorpusUpstreamTests : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromMinutes(2) };

    [CorpusFact]
    public async Task A_static_universe_json_is_served_as_Universe_s_file_for_each_release_and_in_our_index_and_package_files()
    {
        var universe = ReferenceFiles.Read("universe");
        await using var files = await StaticFileServer.StartAsync();
        var address = files.Add("universe.json", universe, DcosRepositoryFormat.ContentType("v5"));
        await using var server = await StartAsync(address);

        await ExpectEveryReleaseAsync(server, DcosRepositoryFormat.Releases);
        var names = ReferenceFiles.Names(universe);
        var index = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "index.json")))!;
        index["packages"]!.AsArray().Select(p => (string)p!["name"]!).Should().Equal(names);
        var kafka = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "package/kafka.json")))!;
        ((string)kafka["name"]!).Should().Be("kafka");
        kafka["revisions"]!.AsArray().Should().HaveCount(ReferenceRevisions(universe, "kafka"));
        var health = JsonNode.Parse(await _client.GetStringAsync(new Uri(server.Url, "health")))!;
        ((string)health["sources"]![0]!["kind"]!).Should().Be("dcos");
    }

    [CorpusFact]
    public async Task A_repo_endpoint_is_asked_as_Cosmos_asks_so_it_gives_its_fullest_file()
    {
        await using var universe = await NegotiatingUniverse.StartAsync(ReferenceFiles.Read("repo-up-to-2.0"), ReferenceFiles.Read("repo-up-to-1.8"));
        await using var server = await StartAsync(universe.Repo);

        await ExpectEveryReleaseAsync(server, [DcosRepositoryFormat.Releases[^1], DcosRepositoryFormat.Releases[0]]);
    }

    private static Task<UniverseServer> StartAsync(Uri upstream) =>
        UniverseServer.StartAsync(new ServeOptions { Listen = "127.0.0.1:0", Upstreams = [new Upstream("public", upstream)] });

    private async Task ExpectEveryReleaseAsync(UniverseServer server, IReadOnlyList<DcosRelease> releases)
    {
        foreach (var release in releases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "repo"));
            request.Headers.TryAddWithoutValidation("User-Agent", $"cosmos/0.6.0 dcos/{release.Version}");
            // What Cosmos sends, as serve itself asks its upstreams.
            request.Headers.TryAddWithoutValidation("Accept", RepositoryRequest.Accept);
            using var response = await _client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var served = await response.Content.ReadAsByteArrayAsync();

            ReferenceFiles.Difference(ReferenceFiles.Read($"repo-up-to-{release.Version}"), served).Should().BeNull($"/repo for DC/OS {release.Version}");
        }
    }

    private static int ReferenceRevisions(byte[] universe, string name) =>
        JsonNode.Parse(universe)!["packages"]!.AsArray().Count(p => (string)p!["name"]! == name);

    public void Dispose() => _client.Dispose();
}
