using System.Text.Json.Nodes;
using Pipeline.Cli;
using Pipeline.Testing.StaticFiles;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Repositories.Tests;

/// <summary>The commands end to end through <see cref="Program.Run(string[], CliConsole, ProcessEnvironment)"/>, with a temp XDG_CONFIG_HOME.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TestTrees _trees = new();
    private readonly ProcessEnvironment _environment;

    public CliTests()
    {
        _environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg"), ["HOME"] = _trees.Path("home") }, _trees.Root);
    }

    public void Dispose() => _trees.Dispose();

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, new CliConsole(output, error, IsTerminal: false), _environment);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void RepoAddListRemoveKeepTheFileUnderXdgConfigHome()
    {
        _trees.AddRevision("local", "hello", 0, "1.0.0");

        Run("repo", "add", "local", "local", "--priority", "5").Code.Should().Be(0);
        Run("repo", "add", "web", "https://example.com/index.json").Code.Should().Be(0);
        var duplicate = Run("repo", "add", "web", "https://example.com/other.json");
        var list = Run("repo", "list");
        var json = JsonNode.Parse(Run("repo", "list", "--json").Out)!;

        File.Exists(_trees.Path("xdg", "universe", "repositories.yaml")).Should().BeTrue();
        duplicate.Code.Should().Be(2);
        duplicate.Error.Should().Contain("already exists");
        list.Out.Should().Contain("NAME").And.Contain(_trees.Path("local"));
        json["repositories"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Equal("local", "web");
        Run("repo", "remove", "web").Code.Should().Be(0);
        Run("repo", "remove", "web").Code.Should().Be(1);
        Run("repo", "add", "missing", "no/such/folder").Code.Should().Be(2);
    }

    [Fact]
    public void AConfigFileThatCannotBeWrittenIsReported()
    {
        // /proc takes no new files, even for root.
        var result = Run("repo", "add", "web", "https://example.com/index.json", "--config", "/proc/universe/repositories.yaml");

        result.Code.Should().Be(2);
        result.Error.Should().Contain("cannot write /proc/universe/repositories.yaml");
    }

    [Fact]
    public void ABrokenConfigFileIsReportedWithItsLine()
    {
        var path = _trees.Path("broken.yaml");
        File.WriteAllText(path, "repositories:\n  - name: a\n    location: /x\n    priority: [\n");

        var result = Run("search", "--config", path);

        result.Code.Should().Be(2);
        result.Error.Should().Contain($"{path}:").And.Contain("not valid YAML");
    }

    [Fact]
    public async Task SearchVersionsAndDescribeShowWhereEachComesFrom()
    {
        await using var server = await StaticFileServer.StartAsync();
        var dcos = server.Add("repo.json", TestTrees.DcosRepository(("hello", "0.5", 0)), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v3");
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        Run("repo", "add", "local", "local", "--priority", "5");
        Run("repo", "add", "dcos", dcos.AbsoluteUri);
        Run("repo", "add", "down", $"http://127.0.0.1:{TestTrees.ClosedPort()}/index.json", "--priority", "9");

        var search = Run("search", "hello");
        var versions = JsonNode.Parse(Run("versions", "hello", "--json").Out)!;
        var describe = Run("describe", "hello@0.5");
        var describeLocal = JsonNode.Parse(Run("describe", "hello", "--json").Out)!;

        search.Code.Should().Be(0);
        search.Out.Should().Contain("local").And.Contain("dcos");
        search.Error.Should().Contain("warning: repository `down` skipped");
        versions["resolvesIn"]!.GetValue<string>().Should().Be("local");
        versions["versions"]!.AsArray().Select(v => v!["repository"]!.GetValue<string>()).Should().Equal("local", "dcos");
        describe.Code.Should().Be(1, "0.5 is only in the lower-priority repository");
        describeLocal["repository"]!.GetValue<string>().Should().Be("local");
        describeLocal["descriptors"]!.AsArray().Should().HaveCount(2);
        Run("describe", "hello").Out.Should().Contain("service.token").And.Contain("API token");
        Run("versions", "nothing").Code.Should().Be(1);
    }

    [Fact]
    public void DescribeListsOptionsDeclaredThroughComposition()
    {
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        File.WriteAllText(_trees.Path("local", "packages", "H", "hello", "0", "config.json"), """
            {"type": "object", "definitions": {"node": {"type": "object", "properties": {"cpus": {"type": "number", "description": "Node CPU shares"}}}},
             "properties": {"service": {"type": "object", "properties": {"name": {"type": "string", "default": "hello"}},
                                        "allOf": [{"properties": {"secret": {"type": "string", "description": "Secret path"}}}]},
                            "nodes": {"$ref": "#/definitions/node"}}}
            """);
        Run("repo", "add", "local", "local");

        var describe = Run("describe", "hello").Out;

        describe.Should().Contain("service.secret").And.Contain("Secret path").And.Contain("nodes.cpus").And.Contain("Node CPU shares");
    }

    [Fact]
    public void RenderMergesOptionsValidatesAndWritesDescriptors()
    {
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        Run("repo", "add", "local", "local");
        File.WriteAllText(_trees.Path("options.json"), """{"service": {"cpus": 2, "token": "file"}}""");

        var invalid = Run("render", "hello", "--set", "service.cpus=0");
        var rendered = Run("render", "hello@1.0.0", "--options", "options.json", "--set", "service.token=cli", "--descriptor", "marathon.json", "--app-id", "/prod/hello");
        var written = Run("render", "hello", "--options", "options.json", "--output", "out");

        invalid.Code.Should().Be(1);
        invalid.Error.Should().Contain("service.token").And.Contain("[required]").And.Contain("API token")
            .And.Contain("service.cpus").And.Contain("[minimum]").And.Contain("CPU shares");
        rendered.Code.Should().Be(0, rendered.Error);
        var app = JsonNode.Parse(rendered.Out)!;
        app["id"]!.GetValue<string>().Should().Be("/prod/hello");
        app["cpus"]!.GetValue<double>().Should().Be(2);
        app["env"]!["TOKEN"]!.GetValue<string>().Should().Be("cli");
        app["labels"]!["DCOS_PACKAGE_SOURCE"]!.GetValue<string>().Should().StartWith("file://");
        written.Code.Should().Be(0, written.Error);
        File.ReadAllText(_trees.Path("out", "kubernetes.yaml")).Should().Contain("cpus: 2");
        JsonNode.Parse(File.ReadAllText(_trees.Path("out", "marathon.json")))!["env"]!["TOKEN"]!.GetValue<string>().Should().Be("file");
        Run("render", "hello", "--set", "novalue").Code.Should().Be(2);
        Run("render", "nothing").Code.Should().Be(1);
    }
}
