using System.Text;
using Pipeline.Testing.Clocks;

namespace Pipeline.Bumping.Tests;

/// <summary>Names, versions and files made to break the bump: each gets a one-line refusal and leaves the tree as it was.</summary>
public sealed class HostileBumpTests : IDisposable
{
    private readonly BumpTree _tree = new(new Uri("http://127.0.0.1:9/"));
    private readonly OfflineAssets _assets = new();
    private readonly TimerClock _clock = new();

    public void Dispose() => _tree.Dispose();

    private async Task<string> RefusalAsync(BumpRequest request)
    {
        var before = _tree.Snapshot();
        var outcome = await Bumper.BumpAsync(request, _tree.Root, _assets, _clock);
        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().NotContain("\n");
        _tree.Snapshot().Should().Equal(before);
        _assets.Asked.Should().BeEmpty();
        return outcome.Problem!;
    }

    [Theory]
    [InlineData("../kafka")]
    [InlineData("K/kafka")]
    [InlineData("Kafka")]
    [InlineData("")]
    public async Task A_name_that_is_not_a_package_name_is_refused(string name) =>
        (await RefusalAsync(new BumpRequest(name, "2.0.0"))).Should().Contain("is not a package name");

    [Fact]
    public async Task A_package_the_universe_does_not_have_is_refused() =>
        (await RefusalAsync(new BumpRequest("zookeeper", "2.0.0"))).Should().Contain("no package `zookeeper`");

    [Theory]
    [InlineData("2.0.0\n", "whitespace or a control character")]
    [InlineData("2.0/../../x", "'/'")]
    [InlineData("2.0.0 beta", "whitespace")]
    [InlineData("", "empty")]
    [InlineData("2.0.0-ü", "outside ASCII")]
    public async Task A_version_that_cannot_be_one_is_refused(string version, string reason) =>
        (await RefusalAsync(new BumpRequest("kafka", version))).Should().StartWith("--version").And.Contain(reason);

    [Fact]
    public async Task A_version_of_a_thousand_characters_is_refused() =>
        (await RefusalAsync(new BumpRequest("kafka", new string('1', 1000)))).Should().Contain("over 100");

    [Fact]
    public async Task A_resource_json_of_ten_megabytes_is_refused_as_the_tree_reader_would()
    {
        var big = new StringBuilder("{\"assets\": {\"uris\": {");
        for (var i = 0; big.Length < 10 * 1024 * 1024; i++) big.Append($"\"a{i}\": \"https://example.org/1.0.0/{i}\", ");
        big.Append("\"last\": \"x\"}}}");
        _tree.Write("packages/K/kafka/0/resource.json", big.ToString());

        (await RefusalAsync(new BumpRequest("kafka", "2.0.0"))).Should().Contain("resource.json cannot be read").And.Contain("over the limit");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"kafka\"")]
    [InlineData("{\"version\": \"1.0.0\"")]
    [InlineData("{\"name\": \"kafka\", \"name\": \"x\", \"version\": \"1.0.0\"}")]
    public async Task A_latest_package_json_that_is_not_a_json_object_is_refused(string packageJson)
    {
        _tree.Write("packages/K/kafka/0/package.json", packageJson);

        (await RefusalAsync(new BumpRequest("kafka", "2.0.0"))).Should().Contain("package.json");
    }

    [Fact]
    public async Task A_config_json_nested_past_the_depth_limit_is_refused()
    {
        _tree.Write("packages/K/kafka/0/config.json", new string('[', 10_000) + new string(']', 10_000));

        (await RefusalAsync(new BumpRequest("kafka", "2.0.0"))).Should().Contain("config.json of the latest revision is not valid JSON");
    }

    [Fact]
    public async Task A_symbolic_link_in_the_latest_revision_is_not_copied()
    {
        File.CreateSymbolicLink(_tree.In("packages/K/kafka/0/README.md"), "/etc/passwd");

        (await RefusalAsync(new BumpRequest("kafka", "2.0.0"))).Should().Contain("README.md is a symbolic link");
    }

    [Fact]
    public async Task An_asset_url_that_is_not_http_is_refused_before_it_is_fetched()
    {
        using var http = new HttpClient();
        var outcome = await Bumper.BumpAsync(new BumpRequest("kafka", "2.0.0") { Assets = ["kafka-tgz=file:///etc/passwd"] }, _tree.Root,
            new Assets.AssetDownloader(http, _clock), _clock);

        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("file:///etc/passwd").And.Contain("only https");
    }
}
