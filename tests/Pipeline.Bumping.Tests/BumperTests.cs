using System.Text.Json.Nodes;
using Pipeline.Bumping.Assets;
using Pipeline.Packages.Settings;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Clocks;
using Pipeline.Testing.Downloads;

namespace Pipeline.Bumping.Tests;

public sealed class BumperTests : IAsyncLifetime
{
    private DownloadServer _server = null!;
    private BumpTree _tree = null!;
    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private readonly TimerClock _clock = new();

    public async Task InitializeAsync()
    {
        _server = await DownloadServer.StartAsync();
        _tree = new BumpTree(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _tree.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<BumpOutcome> BumpAsync(BumpRequest request, TimeSpan? stall = null) =>
        Bumper.BumpAsync(request, _tree.Root, new AssetDownloader(_http, _clock) { StallTimeout = stall ?? TimeSpan.FromSeconds(60) }, _clock);

    private JsonObject Json(string path) => JsonNode.Parse(_tree.Read(path))!.AsObject();

    [Fact]
    public async Task The_next_revision_gets_the_version_upgradesFrom_lastUpdated_new_urls_and_the_served_sha256()
    {
        _server.ServeVersion2();
        var before = _tree.Read("packages/K/kafka/0/resource.json");

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0"));

        outcome.Status.Should().Be(BumpStatus.Written, outcome.Problem + string.Join("\n", outcome.Validation?.Diagnostics ?? []));
        outcome.Validation!.Errors.Should().Be(0);
        _tree.Read("packages/K/kafka/1/package.json").Should().Be(BumpTree.PackageJson
            .Replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal)
            .Replace("\"upgradesFrom\": []", "\"upgradesFrom\": [\"1.0.0\"]", StringComparison.Ordinal)
            .Replace("1500000000", _clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "only the edited values change; the file keeps its layout");
        var package = Json("packages/K/kafka/1/package.json");
        package["version"]!.GetValue<string>().Should().Be("2.0.0");
        package["upgradesFrom"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("1.0.0");
        package["lastUpdated"]!.GetValue<long>().Should().Be(_clock.GetUtcNow().ToUnixTimeSeconds());
        var resource = Json("packages/K/kafka/1/resource.json");
        resource["assets"]!["uris"]!["kafka-tgz"]!.GetValue<string>().Should().Be($"{_server.BaseUrl}files/kafka-2.0.0.tgz");
        resource["assets"]!["uris"]!["jre-tgz"]!.GetValue<string>().Should().Be($"{_server.BaseUrl}files/jre-8.tgz", "it does not name the version");
        resource["assets"]!["container"]!["docker"]!["kafka"]!.GetValue<string>().Should().Be("example/kafka:2.0.0");
        var binary = resource["cli"]!["binaries"]!["linux"]!["x86-64"]!;
        binary["url"]!.GetValue<string>().Should().EndWith("files/dcos-kafka-2.0.0-linux");
        binary["contentHash"]![0]!["value"]!.GetValue<string>().Should().Be(AssetServing.Sha256(AssetServing.Cli));
        _tree.Read("packages/K/kafka/1/marathon.json.mustache").Should().Be(BumpTree.Marathon, "files the bump does not edit keep their bytes");
        _tree.Read("packages/K/kafka/0/resource.json").Should().Be(before);
        _server.Count("files/jre-8.tgz").Should().Be(0, "an unchanged asset is not downloaded");
        _server.Count("files/kafka-2.0.0.tgz").Should().Be(1);

        var plan = outcome.Plan!;
        plan.Revision.Should().Be(1);
        plan.PreviousVersion.Should().Be("1.0.0");
        plan.Changes.Should().Contain("version 1.0.0 → 2.0.0").And.Contain("upgradesFrom adds 1.0.0")
            .And.Contain($"cli.binaries.linux.x86-64 sha256 {AssetServing.Sha256(AssetServing.Cli)}")
            .And.Contain("assets.container.docker.kafka: example/kafka:2.0.0");
        plan.Assets.Should().BeEquivalentTo([
            new AssetUpdate("/assets/uris/kafka-tgz", $"{_server.BaseUrl}files/kafka-1.0.0.tgz", $"{_server.BaseUrl}files/kafka-2.0.0.tgz", null, AssetServing.Kafka.Length),
            new AssetUpdate("/cli/binaries/linux/x86-64/url", $"{_server.BaseUrl}files/dcos-kafka-1.0.0-linux", $"{_server.BaseUrl}files/dcos-kafka-2.0.0-linux", AssetServing.Sha256(AssetServing.Cli), AssetServing.Cli.Length),
        ]);
    }

    [Fact]
    public async Task An_asset_given_with_the_version_placeholder_is_set_and_downloaded()
    {
        _server.ServeVersion2();
        var jre = _server.Add("files/jre-2.0.0.tgz", "jre"u8.ToArray());

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { Assets = [$"jre-tgz={_server.BaseUrl}files/jre-{{{{version}}}}.tgz"] });

        outcome.Status.Should().Be(BumpStatus.Written, outcome.Problem);
        Json("packages/K/kafka/1/resource.json")["assets"]!["uris"]!["jre-tgz"]!.GetValue<string>().Should().Be(jre.ToString());
        _server.Count("files/jre-2.0.0.tgz").Should().Be(1);
    }

    [Fact]
    public async Task A_cli_binary_is_named_by_its_dotted_path()
    {
        _server.ServeVersion2();
        var other = _server.Add("files/cli-other", "other cli"u8.ToArray());

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { Assets = [$"cli.binaries.linux.x86-64={other}"] });

        outcome.Status.Should().Be(BumpStatus.Written, outcome.Problem);
        var binary = Json("packages/K/kafka/1/resource.json")["cli"]!["binaries"]!["linux"]!["x86-64"]!;
        binary["url"]!.GetValue<string>().Should().Be(other.ToString());
        binary["contentHash"]![0]!["value"]!.GetValue<string>().Should().Be(AssetServing.Sha256("other cli"u8.ToArray()));
    }

    [Fact]
    public async Task An_asset_key_that_names_nothing_is_refused_with_the_keys_there_are()
    {
        var before = _tree.Snapshot();

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { Assets = ["zookeeper-tgz=https://example.org/zk.tgz"] });

        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("--asset zookeeper-tgz").And.Contain("kafka-tgz, jre-tgz").And.Contain("cli.binaries.linux.x86-64");
        _tree.Snapshot().Should().Equal(before);
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_version_any_revision_already_has_is_refused()
    {
        _tree.Write("packages/K/kafka/1/package.json", BumpTree.PackageJson.Replace("1.0.0", "1.1.0", StringComparison.Ordinal));

        var outcome = await BumpAsync(new BumpRequest("kafka", "1.0.0"));

        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("already revision 0").And.Contain("packages/K/kafka/0");
    }

    [Fact]
    public async Task An_asset_that_answers_404_refuses_the_bump_naming_the_url()
    {
        var before = _tree.Snapshot();

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0"));

        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("files/kafka-2.0.0.tgz").And.Contain("404");
        _tree.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task An_asset_over_the_size_limit_is_refused()
    {
        _server.ServeVersion2();

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { MaxAssetBytes = 10 });

        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("kafka-2.0.0.tgz").And.Contain("over the limit of 10");
    }

    [Fact]
    public async Task An_asset_server_that_stalls_is_given_up_after_the_stall_timeout_on_the_clock()
    {
        _server.ServeVersion2();
        _server.Add("files/kafka-2.0.0.tgz", AssetServing.Kafka, new DownloadBehavior { HeldAfter = 4 });
        _server.Gate.Close();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var bump = BumpAsync(new BumpRequest("kafka", "2.0.0"), stall: TimeSpan.FromSeconds(30));
        while (_server.Gate.Held.Count == 0) await Task.Delay(10, bound.Token);
        // The first bytes arrived and pushed the timeout back; the clock is moved until the silence outlasts it.
        while (!bump.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(bump, Task.Delay(20, bound.Token));
        }

        var outcome = await bump;
        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("kafka-2.0.0.tgz").And.Contain("no data for 30 s");
    }

    [Fact]
    public async Task A_redirect_to_plain_http_elsewhere_is_refused()
    {
        await using var upstream = await Pipeline.Testing.Upstreams.HostileUpstream.StartAsync();
        upstream.Redirect("/files/kafka-2.0.0.tgz", "http://example.org/kafka-2.0.0.tgz");
        using var tree = new BumpTree(upstream.BaseUrl);

        var outcome = await Bumper.BumpAsync(new BumpRequest("kafka", "2.0.0"), tree.Root, new AssetDownloader(_http, _clock), _clock);

        outcome.Status.Should().Be(BumpStatus.Refused);
        outcome.Problem.Should().Contain("redirected to http://example.org/kafka-2.0.0.tgz").And.Contain("plain http is refused");
    }

    [Fact]
    public void A_redirect_from_https_down_to_http_is_refused_even_to_this_machine()
    {
        var asked = new Uri("https://releases.example.org/kafka.tgz");

        var refusal = FluentActions.Invoking(() => AssetDownloader.Followed(asked, asked, new Uri("http://127.0.0.1:8080/kafka.tgz")));

        refusal.Should().Throw<AssetDownloadException>().WithMessage("*redirect from https down to http://127.0.0.1:8080/kafka.tgz refused*");
        FluentActions.Invoking(() => AssetDownloader.Followed(asked, asked, new Uri("https://cdn.example.org/kafka.tgz"))).Should().NotThrow();
        FluentActions.Invoking(() => AssetDownloader.Allowed(asked, new Uri("ftp://example.org/kafka.tgz"))).Should().Throw<AssetDownloadException>().WithMessage("*only https*");
    }

    [Fact]
    public async Task A_bump_that_does_not_validate_is_taken_out_and_the_tree_is_as_it_was()
    {
        _server.ServeVersion2();
        var before = _tree.Snapshot();

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { Sets = ["packagingVersion=\"9.9\""] });

        outcome.Status.Should().Be(BumpStatus.RolledBack);
        outcome.Validation!.Errors.Should().BeGreaterThan(0);
        outcome.Problem.Should().Contain("packages/K/kafka/1 was not kept");
        _tree.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task A_dry_run_validates_in_a_copy_and_writes_nothing()
    {
        _server.ServeVersion2();
        var before = _tree.Snapshot();

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { DryRun = true });

        outcome.Status.Should().Be(BumpStatus.Planned, outcome.Problem);
        outcome.Validation!.Errors.Should().Be(0);
        outcome.Plan!.Paths.Should().Equal("packages/K/kafka/1/config.json", "packages/K/kafka/1/marathon.json.mustache", "packages/K/kafka/1/package.json", "packages/K/kafka/1/resource.json");
        _tree.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task Set_writes_package_json_and_other_files_and_refuses_what_it_cannot_set()
    {
        _server.ServeVersion2();

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { Sets = ["minDcosReleaseVersion=1.12", "selected=true", "config.json:properties.service.properties.cpus.default=2"] });

        outcome.Status.Should().Be(BumpStatus.Written, outcome.Problem);
        Json("packages/K/kafka/1/package.json")["minDcosReleaseVersion"]!.GetValue<string>().Should().Be("1.12", "a number replacing no number is kept as text");
        Json("packages/K/kafka/1/config.json")["properties"]!["service"]!["properties"]!["cpus"]!["default"]!.GetValue<int>().Should().Be(2);

        (await BumpAsync(new BumpRequest("kafka", "3.0.0") { Sets = ["no-equals-sign"] })).Problem.Should().StartWith("--set no-equals-sign: expected path=value");
        (await BumpAsync(new BumpRequest("kafka", "3.0.0") { Sets = ["version=9"] })).Problem.Should().Contain("--set version").And.Contain("--version");
        (await BumpAsync(new BumpRequest("kafka", "3.0.0") { Sets = ["tags.x=1"] })).Problem.Should().Contain("--set tags.x").And.Contain("not an object");
        (await BumpAsync(new BumpRequest("kafka", "3.0.0") { Sets = ["secrets.json:a=1"] })).Problem.Should().Contain("`secrets.json` is not a JSON file of a revision");
    }

    [Fact]
    public async Task A_url_changed_with_set_is_downloaded_like_an_asset()
    {
        _server.ServeVersion2();
        var jre = _server.Add("files/jre-9.tgz", "jre 9"u8.ToArray());

        var outcome = await BumpAsync(new BumpRequest("kafka", "2.0.0") { Sets = [$"resource.json:assets.uris.jre-tgz=\"{jre}\""] });

        outcome.Status.Should().Be(BumpStatus.Written, outcome.Problem);
        _server.Count("files/jre-9.tgz").Should().Be(1);
        outcome.Plan!.Assets.Should().Contain(a => a.Key == "/assets/uris/jre-tgz" && a.Url == jre.ToString() && a.Size == 5);
    }

    [Fact]
    public async Task A_policy_that_does_not_allow_the_repository_refuses_before_any_download()
    {
        _server.ServeVersion2();
        var policies = new PolicySettings { Bump = [new BumpRule(["kafka"], ["acme/kafka"], [])] };
        var fetcher = new AssetDownloader(_http, _clock);

        var (plan, refusal) = await Bumper.PlanAsync(new BumpRequest("kafka", "2.0.0") { SourceRepository = "evil/kafka" }, _tree.Root, policies, fetcher, _clock, default);

        plan.Should().BeNull();
        refusal!.Problem.Should().Contain("acme/kafka").And.Contain("not from evil/kafka");
        _server.Requests.Should().BeEmpty();
        var (allowed, _) = await Bumper.PlanAsync(new BumpRequest("kafka", "2.0.0") { SourceRepository = "acme/kafka" }, _tree.Root, policies, fetcher, _clock, default);
        allowed.Should().NotBeNull();
    }
}
