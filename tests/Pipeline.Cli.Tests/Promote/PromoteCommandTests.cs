using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;
using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests.Promote;

public sealed class PromoteCommandTests : IDisposable
{
    private readonly PromotionTrees _trees = new();

    public void Dispose() => _trees.Dispose();

    private async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = ProcessEnvironment.Of(variables ?? new Dictionary<string, string>(), _trees.Production.Root);
        var code = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false), environment);
        return (code, output.ToString(), error.ToString());
    }

    private string ConfigFile()
    {
        var path = Path.Combine(_trees.Production.Root, "..", $"{Guid.NewGuid():N}-repositories.yaml");
        File.WriteAllText(path, $"repositories:\n  - name: staging\n    location: \"{_trees.Staging.Root}\"\n    priority: 1\n  - name: production\n    location: \"{_trees.Production.Root}\"\n    priority: 0\n");
        return path;
    }

    [Fact]
    public async Task Promotes_between_configured_repositories_by_name()
    {
        _trees.Staging.Package("kafka", 1, "2.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0");
        var config = ConfigFile();
        try
        {
            var (code, output, error) = await RunAsync(null, "promote", "kafka@2.0.0", "--from", "staging", "--to", "production", "--config", config);

            code.Should().Be(0, error);
            output.Should().Contain("promoted kafka 2.0.0").And.Contain("packages/K/kafka/1/package.json").And.Contain("passed");
            File.Exists(_trees.InProduction("packages/K/kafka/1/package.json")).Should().BeTrue();
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_writes_nothing()
    {
        _trees.Staging.Package("kafka", 1, "2.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0");

        var (code, output, _) = await RunAsync(null, "promote", "kafka@2.0.0", "--from", _trees.Staging.Root, "--to", ".", "--dry-run");

        code.Should().Be(0);
        output.Should().Contain("would promote kafka 2.0.0").And.Contain("packages/K/kafka/1/package.json");
        _trees.ProductionFiles().Should().Equal("packages/K/kafka/0/package.json");
    }

    [Fact]
    public async Task A_conflict_exits_with_1_and_names_the_existing_revision()
    {
        _trees.Staging.Package("kafka", 1, "1.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0");

        var (code, _, error) = await RunAsync(null, "promote", "kafka@1.0.0", "--from", _trees.Staging.Root, "--to", ".");

        code.Should().Be(1);
        error.Should().Contain("already in the target as revision 0");
    }

    [Fact]
    public async Task A_version_is_required()
    {
        var (code, _, error) = await RunAsync(null, "promote", "kafka", "--from", _trees.Staging.Root, "--to", ".");

        code.Should().Be(2);
        error.Should().Contain("NAME@VERSION");
    }

    [Fact]
    public async Task Pull_request_mode_opens_the_pull_request_and_leaves_the_working_tree_alone()
    {
        const string token = "ghs_cli_token";
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = token });
        server.Repository("acme", "universe").SeedBranch("main", new Dictionary<string, string>
        {
            ["packages/K/kafka/0/package.json"] = GitRepository.PackageJson("kafka", "1.0.0"),
        });
        _trees.Staging.Package("kafka", 4, "2.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0");
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = token,
            ["GITHUB_API_URL"] = server.BaseUrl.ToString(),
            ["GITHUB_REPOSITORY"] = "acme/universe",
        };

        var (code, output, error) = await RunAsync(variables, "promote", "kafka@2.0.0", "--from", _trees.Staging.Root, "--to", ".", "--pull-request");
        var (againCode, again, _) = await RunAsync(variables, "promote", "kafka@2.0.0", "--from", _trees.Staging.Root, "--to", ".", "--pull-request");

        code.Should().Be(0, error);
        output.Should().Contain("branch promote/kafka-2.0.0: created").And.Contain("pull request #1 opened");
        againCode.Should().Be(0);
        again.Should().Contain("pull request #1 updated");
        server.Repository("acme", "universe").FilesAt("promote/kafka-2.0.0").Should().ContainKey("packages/K/kafka/1/package.json");
        _trees.ProductionFiles().Should().Equal("packages/K/kafka/0/package.json");
    }

    [Fact]
    public async Task Promotes_from_a_DC_OS_repository_file_writing_its_parts_as_package_files()
    {
        _trees.Production.Package("kafka", 0, "1.0.0");
        var repository = System.Text.Json.Nodes.JsonNode.Parse(TestTrees.DcosRepository(("hello", "1.0.0", 7)))!;
        repository["packages"]![0]!["description"] = "Un café";
        var file = Path.Combine(_trees.Production.Root, "..", $"{Guid.NewGuid():N}-repo-up-to-2.0.json");
        File.WriteAllText(file, repository.ToJsonString());
        try
        {
            var (code, output, error) = await RunAsync(null, "promote", "hello@1.0.0", "--from", file, "--to", ".");

            code.Should().Be(0, error);
            output.Should().Contain("promoted hello 1.0.0 (revision 7 in").And.Contain("passed");
            File.ReadAllText(_trees.InProduction("packages/H/hello/0/marathon.json.mustache")).Should().Be(TestTrees.Marathon);
            var package = File.ReadAllBytes(_trees.InProduction("packages/H/hello/0/package.json"));
            package.Should().OnlyContain(b => b < 0x80, "Universe requires ASCII package files");
            System.Text.Encoding.ASCII.GetString(package).Should().Contain("Un caf\\u00E9").And.NotContain("releaseVersion");
            File.Exists(_trees.InProduction("packages/H/hello/0/config.json")).Should().BeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
