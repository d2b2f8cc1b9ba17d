using System.Text.Json.Nodes;
using Pipeline.Serving.LocalTree;

namespace Pipeline.Serving.Tests.LocalTree;

/// <summary><c>serve</c> follows its local tree: edits show without a restart, a broken tree never replaces a good one.</summary>
public sealed class FollowedTreeServeTests : IDisposable
{
    private const string V5 = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5";
    private readonly ServingTrees _trees = new();
    private readonly ManualClock _clock = new();

    public FollowedTreeServeTests() => _trees.Add("local", "alpha", 0, "1.0.0").Add("local", "beta", 0, "2.0.0");

    private string Tree => Path.Combine(_trees.Root, "local");

    private string PackageJson => Path.Combine(Tree, "packages", "A", "alpha", "0", "package.json");

    /// <summary>Only the rescan, driven by the test's clock: nothing happens until the test moves it.</summary>
    private Task<FollowingServer> StartRescanningAsync() =>
        FollowingServer.StartAsync(new LocalTreeOptions(Tree) { Watch = false }, _clock);

    [Fact]
    public async Task EditsShowInIndexPackageAndRepoWithoutARestartThroughTheWatcher()
    {
        // The rescan is off: only the watcher can see these changes.
        await using var serving = await FollowingServer.StartAsync(new LocalTreeOptions(Tree) { RescanInterval = Timeout.InfiniteTimeSpan }, TimeProvider.System);
        (await serving.DescriptionAsync("alpha")).Should().Be("Hello");

        _trees.Add("local", "alpha", 0, "1.0.0", description: "Edited");
        await serving.UntilAsync(async () => await serving.DescriptionAsync("alpha") == "Edited", "the edited description");
        _trees.Add("local", "alpha", 1, "1.1.0");
        await serving.UntilAsync(async () => (JsonNode.Parse(await serving.GetAsync("package/alpha.json"))!["revisions"] as JsonArray)!.Count == 2, "the new revision");
        Directory.Delete(Path.Combine(Tree, "packages", "B"), recursive: true);
        await serving.UntilAsync(async () => await serving.DescriptionAsync("beta") is null, "beta removed");

        var repo = await RepoAsync(serving);
        ServingTrees.Names(repo).Should().Equal("alpha", "alpha");
        var local = await serving.LocalHealthAsync();
        local["state"]!.GetValue<string>().Should().Be("fresh");
        local["generation"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(4, "each of the three edits made a new snapshot");
    }

    [Fact]
    public async Task RescanAloneSeesAChangeWhenItsIntervalPasses()
    {
        await using var serving = await StartRescanningAsync();
        _trees.Add("local", "alpha", 0, "1.0.0", description: "Rescanned");
        serving.Followed.Rebuilds.Should().Be(1, "nothing watches the files and the clock has not moved");

        _clock.Advance(TimeSpan.FromSeconds(1));
        await serving.UntilAsync(async () => await serving.DescriptionAsync("alpha") == "Rescanned", "the rescan");

        serving.Followed.Rebuilds.Should().Be(2);
        var local = await serving.LocalHealthAsync();
        local["generation"]!.GetValue<long>().Should().Be(2);
        local["snapshotAt"]!.GetValue<DateTimeOffset>().Should().Be(_clock.GetUtcNow());
    }

    [Theory]
    [InlineData("""{"packagingVersion": "4.0", "name": "alpha",""", "UNI102")]
    [InlineData("""{"packagingVersion": "4.0", "name": "alpha", "maintainer": "team@example.com", "description": "No version", "tags": ["demo"]}""", "UNI110")]
    public async Task BrokenEditKeepsTheLastGoodSnapshotServedSaysStaleOnceAndRecovers(string broken, string rule)
    {
        await using var serving = await StartRescanningAsync();
        File.WriteAllText(PackageJson, broken);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var brokenAt = _clock.GetUtcNow();
        await serving.StateAsync("stale");
        var checks = serving.Followed.Checks;
        for (var i = 1; i <= 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await serving.ChecksAsync(checks + i);
        }

        var local = await serving.LocalHealthAsync();
        local["generation"]!.GetValue<long>().Should().Be(1);
        local["problem"]!.GetValue<string>().Should().Contain("packages/A/alpha/0/package.json").And.Contain(rule);
        local["since"]!.GetValue<DateTimeOffset>().Should().Be(brokenAt);
        JsonNode.Parse(await serving.GetAsync("health"))!["status"]!.GetValue<string>().Should().Be("degraded");
        (await serving.DescriptionAsync("alpha")).Should().Be("Hello");
        serving.Notices.Should().ContainSingle().Which.Should().Contain("does not validate").And.Contain("packages/A/alpha/0/package.json").And.Contain(rule);

        _trees.Add("local", "alpha", 0, "1.0.0", description: "Fixed");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await serving.StateAsync("fresh");

        (await serving.DescriptionAsync("alpha")).Should().Be("Fixed");
        local = await serving.LocalHealthAsync();
        local["generation"]!.GetValue<long>().Should().Be(2);
        local["problem"].Should().BeNull();
        JsonNode.Parse(await serving.GetAsync("health"))!["status"]!.GetValue<string>().Should().Be("ok");
        serving.Notices.Should().HaveCount(2).And.Subject.Last().Should().Contain("validates again");
    }

    [Fact]
    public async Task TreeThatDoesNotValidateAtStartIsServedAnywayAsFailing()
    {
        File.WriteAllText(PackageJson, """{"packagingVersion": "4.0", "name": "alpha", "maintainer": "team@example.com", "description": "No version", "tags": ["demo"]}""");
        await using var serving = await StartRescanningAsync();

        var local = await serving.LocalHealthAsync();
        local["state"]!.GetValue<string>().Should().Be("failing");
        local["generation"]!.GetValue<long>().Should().Be(1);
        local["problem"]!.GetValue<string>().Should().Contain("UNI110");
        (await serving.DescriptionAsync("beta")).Should().Be("Hello", "what builds is served: nothing better exists");
        serving.Notices.Should().ContainSingle().Which.Should().Contain("served anyway");

        _trees.Add("local", "alpha", 0, "1.0.0");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await serving.StateAsync("fresh");
        (await serving.DescriptionAsync("alpha")).Should().Be("Hello");
    }

    [Fact]
    public async Task DeletedTreeKeepsTheLastGoodSnapshotAndReportsUntilItComesBack()
    {
        await using var serving = await StartRescanningAsync();
        Directory.Delete(Tree, recursive: true);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await serving.StateAsync("stale");

        (await serving.LocalHealthAsync())["problem"]!.GetValue<string>().Should().Contain("does not exist");
        (await serving.DescriptionAsync("alpha")).Should().Be("Hello");
        (await serving.DescriptionAsync("beta")).Should().Be("Hello");
        serving.Notices.Should().ContainSingle().Which.Should().Contain("still serving generation 1");

        _trees.Add("local", "alpha", 0, "1.0.0", description: "Back");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await serving.StateAsync("fresh");
        (await serving.DescriptionAsync("alpha")).Should().Be("Back");
        (await serving.DescriptionAsync("beta")).Should().BeNull();
    }

    private static async Task<string> RepoAsync(FollowingServer serving)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(serving.Server.Url, "repo"));
        request.Headers.TryAddWithoutValidation("User-Agent", "cosmos/0.5.0 dcos/2.0.0");
        request.Headers.TryAddWithoutValidation("Accept", V5);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => _trees.Dispose();
}
