using System.Text.Json.Nodes;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.FakeGitHub;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Bumping.Tests.GitHub;

/// <summary>
/// The README's example release workflow for a framework's repository is the one the action
/// runs: at most 20 lines, inputs the action declares, and — run as the action with exactly its
/// <c>with:</c> block on a release event (GitHub's address of the asset swapped for a local
/// server's) — it opens the pull request on the universe.
/// </summary>
public sealed class ReadmeBumpWorkflowTests : IAsyncLifetime
{
    private const string Token = "ghp_universe_token";
    private const string Heading = "`.github/workflows/universe-bump.yml`:";

    private DownloadServer _assets = null!;
    private FakeGitHubServer _github = null!;
    private BumpTree _seed = null!;
    private readonly string _runner = Directory.CreateTempSubdirectory("universe-bump-runner-").FullName;

    public async Task InitializeAsync()
    {
        _assets = await DownloadServer.StartAsync();
        _github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token, Login = "acme-release-bot", InstallationToken = false });
        _seed = new BumpTree(_assets.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _seed.Dispose();
        Directory.Delete(_runner, recursive: true);
        await _github.DisposeAsync();
        await _assets.DisposeAsync();
    }

    private static string ExampleWorkflow()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "README.md"));
        var at = readme.IndexOf(Heading, StringComparison.Ordinal);
        at.Should().BePositive("the README shows the framework's workflow under its file name");
        var start = readme.IndexOf("```yaml\n", at, StringComparison.Ordinal) + "```yaml\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static YamlMappingNode Step(string workflow)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(workflow));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        ((YamlMappingNode)root["on"]).Children.Keys.Select(k => k.ToString()).Should().Equal("release");
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"]).Children.Values.Single())["steps"];
        return (YamlMappingNode)steps.Children.Single();
    }

    [Fact]
    public void The_example_is_short_and_uses_only_inputs_the_action_declares()
    {
        var workflow = ExampleWorkflow();
        var step = Step(workflow);

        workflow.TrimEnd('\n').Split('\n').Length.Should().BeLessThanOrEqualTo(20);
        step["uses"].ToString().Should().Be("universe-pipeline/universe-pipeline@v1");
        var action = new YamlStream();
        action.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "action.yml"))));
        var declared = ((YamlMappingNode)((YamlMappingNode)action.Documents[0].RootNode)["inputs"]).Children.Keys.Select(k => k.ToString());
        var given = ((YamlMappingNode)step["with"]).Children.Keys.Select(k => k.ToString()).ToArray();
        given.Should().Contain(["mode", "package", "universe", "token"]).And.BeSubsetOf(declared);
    }

    [Fact]
    public async Task Run_as_the_action_on_a_release_it_opens_the_pull_request()
    {
        var (code, log, with) = await RunExampleAsync(hostileKey: null);

        code.Should().Be(ExitCodes.Success, log);
        var package = with["package"];
        var key = with["assets"].Split('=')[0].Trim();
        var universe = with["universe"].Split('/');
        var state = _github.Repository(universe[0], universe[1]);
        var pull = state.OpenedPullRequests().Should().ContainSingle().Subject;
        pull.Title.Should().Be($"Bump {package} to 2.0.0");
        pull.Body.Should().Contain("https://github.com/acme/kafka/releases/tag/v2.0.0");
        var resource = JsonNode.Parse(state.FilesAt(pull.Head)[$"packages/{char.ToUpperInvariant(package[0])}/{package}/1/resource.json"])!;
        resource["assets"]!["uris"]![key]!.GetValue<string>().Should().Be($"{_assets.BaseUrl}acme/{package}/releases/download/v2.0.0/{package}-2.0.0.tgz");
        _assets.Count($"acme/{package}/releases/download/v2.0.0/{package}-2.0.0.tgz").Should().Be(1);
        File.ReadAllText(Path.Combine(_runner, "outputs")).Should().Contain("pull-request-number").And.Contain(pull.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_resource_key_with_a_line_break_cannot_start_a_workflow_command_in_the_log()
    {
        var (code, log, _) = await RunExampleAsync(hostileKey: "jre\\n::error::forged");

        code.Should().Be(ExitCodes.Success, log);
        log.Should().Contain("::error::forged", "the change line names the key")
            .And.NotContain("\n::error::forged", "it stays on its own line");
    }

    /// <summary>Runs the README's example as the action; <paramref name="hostileKey"/> (JSON text) renames an asset that names the version.</summary>
    private async Task<(int Code, string Log, Dictionary<string, string> With)> RunExampleAsync(string? hostileKey)
    {
        var with = ((YamlMappingNode)Step(ExampleWorkflow())["with"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
        with["mode"].Should().Be("bump");
        // The universe holds the package the example names, with an asset under the key it gives.
        var package = with["package"];
        var key = with["assets"].Split('=')[0].Trim();
        var files = Directory.GetFiles(_seed.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_seed.Root, f).Replace('\\', '/').Replace("kafka", package, StringComparison.Ordinal),
                f => File.ReadAllText(f).Replace("\"kafka-tgz\"", $"\"{key}\"", StringComparison.Ordinal).Replace("kafka", package, StringComparison.Ordinal));
        if (hostileKey is not null)
        {
            var resourcePath = files.Keys.Single(k => k.EndsWith("/resource.json", StringComparison.Ordinal));
            files[resourcePath] = files[resourcePath].Replace("\"jre-tgz\"", $"\"{hostileKey}\"", StringComparison.Ordinal)
                .Replace("files/jre-8.tgz", "files/kafka-1.0.0.tgz", StringComparison.Ordinal);
        }
        var universe = with["universe"].Split('/');
        _github.Repository(universe[0], universe[1]).SeedBranch("main", files);
        _assets.ServeVersion2(); // the seed's other URLs name the version too
        var tarball = "the 2.0.0 tarball"u8.ToArray();
        _assets.Add($"acme/{package}/releases/download/v2.0.0/{package}-2.0.0.tgz", tarball);
        var release = Path.Combine(_runner, "event.json");
        File.WriteAllText(release, """{"action": "published", "release": {"tag_name": "v2.0.0", "html_url": "https://github.com/acme/kafka/releases/tag/v2.0.0"}}""");
        var outputs = Path.Combine(_runner, "outputs");
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "release",
            ["GITHUB_EVENT_PATH"] = release,
            ["GITHUB_REPOSITORY"] = $"acme/{package}",
            ["GITHUB_API_URL"] = _github.BaseUrl.ToString(),
            ["GITHUB_WORKSPACE"] = _runner,
            ["GITHUB_OUTPUT"] = outputs,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_runner, "summary.md"),
        };
        foreach (var (name, value) in with)
        {
            variables[$"INPUT_{name.ToUpperInvariant()}"] = value
                .Replace("${{ secrets.UNIVERSE_TOKEN }}", Token, StringComparison.Ordinal)
                .Replace("https://github.com/", _assets.BaseUrl.ToString(), StringComparison.Ordinal);
        }
        var log = new StringWriter();

        var code = await Program.RunAsync(["action"], new CliConsole(log, log, IsTerminal: false), ProcessEnvironment.Of(variables, _runner), default);
        return (code, log.ToString(), with);
    }
}
