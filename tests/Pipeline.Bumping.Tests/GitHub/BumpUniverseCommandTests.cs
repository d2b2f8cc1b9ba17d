using System.Text.Json.Nodes;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.Bumping.Tests.GitHub;

/// <summary>
/// The proof, end to end: <c>universe bump --universe</c> as a framework's release job runs
/// it, against the fake GitHub API and a real asset server on 127.0.0.1 — run twice for one version
/// it makes one pull request whose files validate with the served files' sha256; without push
/// rights it goes through a fork; a bump the universe's policies.bump does not allow is refused
/// before anything is downloaded or written.
/// </summary>
public sealed class BumpUniverseCommandTests : IAsyncLifetime
{
    private const string Token = "ghp_release_job";
    private const string Policy = """
        name: acme
        policies:
          bump:
            - packages: [kafka]
              repositories: [acme/kafka]
        """;

    private DownloadServer _assets = null!;
    private FakeGitHubServer _github = null!;
    private BumpTree _seed = null!;

    public async Task InitializeAsync()
    {
        _assets = await DownloadServer.StartAsync();
        _assets.ServeVersion2();
        _github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token, Login = "kafka-release-bot", InstallationToken = false });
        _seed = new BumpTree(_assets.BaseUrl);
        File.WriteAllText(_seed.In("universe.yaml"), Policy);
        var files = Directory.GetFiles(_seed.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_seed.Root, f).Replace('\\', '/'), File.ReadAllText);
        Universe.SeedBranch("main", files);
    }

    public async Task DisposeAsync()
    {
        _seed.Dispose();
        await _github.DisposeAsync();
        await _assets.DisposeAsync();
    }

    private FakeRepository Universe => _github.Repository("acme", "universe");

    private async Task<(int Code, string Out, string Error)> BumpAsync(string from, params string[] more)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = Token,
            ["GITHUB_API_URL"] = _github.BaseUrl.ToString(),
            ["GITHUB_REPOSITORY"] = from,
        };
        var environment = ProcessEnvironment.Of(variables, Path.GetTempPath());
        var code = await Program.RunAsync(["bump", "kafka", "--version", "2.0.0", "--universe", "acme/universe", .. more], new CliConsole(output, error, IsTerminal: false), environment, default);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_twice_for_one_version_it_makes_one_pull_request_whose_files_validate_with_the_served_sha256()
    {
        Universe.Writable = true;

        var first = await BumpAsync("acme/kafka");
        var second = await BumpAsync("acme/kafka");

        first.Code.Should().Be(ExitCodes.Success, first.Error + first.Out);
        second.Code.Should().Be(ExitCodes.Success, second.Error + second.Out);
        var pull = Universe.OpenedPullRequests().Should().ContainSingle().Subject;
        (pull.Head, pull.HeadOwner, pull.Title).Should().Be(("bump/kafka-2.0.0", null, "Bump kafka to 2.0.0"));
        pull.Body.Should().Contain("<!-- universe-bump {\"package\":\"kafka\",\"version\":\"2.0.0\",\"repository\":\"acme/kafka\"");
        var branch = Universe.FilesAt("bump/kafka-2.0.0");
        var resource = JsonNode.Parse(branch["packages/K/kafka/1/resource.json"])!;
        var cli = resource["cli"]!["binaries"]!["linux"]!["x86-64"]!;
        cli["url"]!.GetValue<string>().Should().Be($"{_assets.BaseUrl}files/dcos-kafka-2.0.0-linux");
        cli["contentHash"]![0]!["value"]!.GetValue<string>().Should().Be(AssetServing.Sha256(AssetServing.Cli));
        resource["assets"]!["uris"]!["kafka-tgz"]!.GetValue<string>().Should().Be($"{_assets.BaseUrl}files/kafka-2.0.0.tgz");
        JsonNode.Parse(branch["packages/K/kafka/1/package.json"])!["version"]!.GetValue<string>().Should().Be("2.0.0");
        await ValidatesAsync(branch);
    }

    [Fact]
    public async Task Without_push_rights_the_pull_request_comes_from_the_token_users_fork()
    {
        Universe.Writable = false;

        var (code, output, error) = await BumpAsync("acme/kafka");
        var again = await BumpAsync("acme/kafka");

        code.Should().Be(ExitCodes.Success, error + output);
        again.Code.Should().Be(ExitCodes.Success, again.Error + again.Out);
        Universe.Branches().Should().Equal("main");
        var pull = Universe.OpenedPullRequests().Should().ContainSingle().Subject;
        (pull.Head, pull.HeadOwner).Should().Be(("bump/kafka-2.0.0", "kafka-release-bot"));
        _github.RequestsTo("POST", "/repos/acme/universe/forks").Should().HaveCount(1);
        var fork = _github.FindRepository("kafka-release-bot", "universe")!;
        await ValidatesAsync(fork.FilesAt("bump/kafka-2.0.0"));
    }

    [Fact]
    public async Task A_bump_the_policy_does_not_allow_is_refused_before_anything_is_downloaded_or_written()
    {
        Universe.Writable = true;

        var (code, output, error) = await BumpAsync("mallory/kafka");

        code.Should().Be(ExitCodes.ContentErrors, output);
        (output + error).Should().Contain("policies.bump").And.Contain("mallory/kafka");
        _assets.Requests.Should().BeEmpty("the policy is decided before any asset is fetched");
        Universe.Branches().Should().Equal("main");
        Universe.OpenedPullRequests().Should().BeEmpty();
    }

    /// <summary>The branch's files, checked out into a folder, pass <c>universe validate</c>.</summary>
    private static async Task ValidatesAsync(IReadOnlyDictionary<string, string> files)
    {
        var folder = Directory.CreateTempSubdirectory("universe-bump-branch-").FullName;
        try
        {
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, content);
            }
            var output = new StringWriter();
            var code = await Program.RunAsync(["validate", folder], new CliConsole(output, new StringWriter(), IsTerminal: false));
            code.Should().Be(ExitCodes.Success, output.ToString());
            output.ToString().Should().Contain("valid: 2 revisions of 1 package checked, 0 errors, 0 warnings");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
