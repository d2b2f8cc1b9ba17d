using System.Text.Json.Nodes;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.StaticFiles;
using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests.Repo;

/// <summary>The commands end to end through <see cref="Program.RunAsync(string[], CliConsole, ProcessEnvironment, CancellationToken)"/>, with a temp XDG_CONFIG_HOME.</summary>
public sealed class RepoCommandTests : IDisposable
{
    private readonly TestTrees _trees = new();
    private readonly ProcessEnvironment _environment;

    public RepoCommandTests()
    {
        _environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg"), ["HOME"] = _trees.Path("home") }, _trees.Root);
    }

    public void Dispose() => _trees.Dispose();

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false), _environment);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task RepoAddListRemoveKeepTheFileUnderXdgConfigHome()
    {
        _trees.AddRevision("local", "hello", 0, "1.0.0");

        (await RunAsync("repo", "add", "local", "local", "--priority", "5")).Code.Should().Be(0);
        // Not reachable: added with a warning, as a site may configure a server before it is up.
        var web = $"http://127.0.0.1:{TestTrees.ClosedPort()}/index.json";
        var added = await RunAsync("repo", "add", "web", web);
        var duplicate = await RunAsync("repo", "add", "web", "https://example.com/other.json");
        var list = await RunAsync("repo", "list");
        var json = JsonNode.Parse((await RunAsync("repo", "list", "--json")).Out)!;

        File.Exists(_trees.Path("xdg", "universe", "repositories.yaml")).Should().BeTrue();
        added.Code.Should().Be(0);
        added.Error.Should().StartWith($"warning: upstream {web}: ").And.Contain("added without checking what it holds");
        duplicate.Code.Should().Be(2);
        duplicate.Error.Should().Contain("already exists");
        list.Out.Should().Contain("NAME").And.Contain(_trees.Path("local"));
        json["repositories"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Equal("local", "web");
        (await RunAsync("repo", "remove", "web")).Code.Should().Be(0);
        (await RunAsync("repo", "remove", "web")).Code.Should().Be(1);
        (await RunAsync("repo", "add", "missing", "no/such/folder")).Code.Should().Be(2);
    }

    [Fact]
    public async Task AConfigFileThatCannotBeWrittenIsReported()
    {
        // /proc takes no new files, even for root.
        var result = await RunAsync("repo", "add", "web", $"http://127.0.0.1:{TestTrees.ClosedPort()}/index.json", "--config", "/proc/universe/repositories.yaml");

        result.Code.Should().Be(2);
        result.Error.Should().Contain("cannot write /proc/universe/repositories.yaml");
    }

    [Fact]
    public async Task ABrokenConfigFileIsReportedWithItsLine()
    {
        var path = _trees.Path("broken.yaml");
        File.WriteAllText(path, "repositories:\n  - name: a\n    location: /x\n    priority: [\n");

        var result = await RunAsync("search", "--config", path);

        result.Code.Should().Be(2);
        result.Error.Should().Contain($"{path}:").And.Contain("not valid YAML");
    }

    [Fact]
    public async Task SearchVersionsAndDescribeShowWhereEachComesFrom()
    {
        await using var server = await StaticFileServer.StartAsync();
        var dcos = server.Add("repo.json", TestTrees.DcosRepository(("hello", "0.5", 0)), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v3");
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        await RunAsync("repo", "add", "local", "local", "--priority", "5");
        await RunAsync("repo", "add", "dcos", dcos.AbsoluteUri);
        await RunAsync("repo", "add", "down", $"http://127.0.0.1:{TestTrees.ClosedPort()}/index.json", "--priority", "9");

        var search = await RunAsync("search", "hello");
        var versions = JsonNode.Parse((await RunAsync("versions", "hello", "--json")).Out)!;
        var describe = await RunAsync("describe", "hello@0.5");
        var describeLocal = JsonNode.Parse((await RunAsync("describe", "hello", "--json")).Out)!;

        search.Code.Should().Be(0);
        search.Out.Should().Contain("local").And.Contain("dcos");
        search.Error.Should().Contain("warning: repository `down` skipped");
        versions["resolvesIn"]!.GetValue<string>().Should().Be("local");
        versions["versions"]!.AsArray().Select(v => v!["repository"]!.GetValue<string>()).Should().Equal("local", "dcos");
        describe.Code.Should().Be(1, "0.5 is only in the lower-priority repository");
        describeLocal["repository"]!.GetValue<string>().Should().Be("local");
        describeLocal["descriptors"]!.AsArray().Should().HaveCount(2);
        (await RunAsync("describe", "hello")).Out.Should().Contain("service.token").And.Contain("API token");
        (await RunAsync("versions", "nothing")).Code.Should().Be(1);
    }

    [Fact]
    public async Task DescribeListsOptionsDeclaredThroughComposition()
    {
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        File.WriteAllText(_trees.Path("local", "packages", "H", "hello", "0", "config.json"), """
            {"type": "object", "definitions": {"node": {"type": "object", "properties": {"cpus": {"type": "number", "description": "Node CPU shares"}}}},
             "properties": {"service": {"type": "object", "properties": {"name": {"type": "string", "default": "hello"}},
                                        "allOf": [{"properties": {"secret": {"type": "string", "description": "Secret path"}}}]},
                            "nodes": {"$ref": "#/definitions/node"}}}
            """);
        await RunAsync("repo", "add", "local", "local");

        var describe = (await RunAsync("describe", "hello")).Out;

        describe.Should().Contain("service.secret").And.Contain("Secret path").And.Contain("nodes.cpus").And.Contain("Node CPU shares");
    }

    [Fact]
    public async Task RenderMergesOptionsValidatesAndWritesDescriptors()
    {
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        await RunAsync("repo", "add", "local", "local");
        File.WriteAllText(_trees.Path("options.json"), """{"service": {"cpus": 2, "token": "file"}}""");

        var invalid = await RunAsync("render", "hello", "--set", "service.cpus=0");
        var rendered = await RunAsync("render", "hello@1.0.0", "--options", "options.json", "--set", "service.token=cli", "--descriptor", "marathon.json", "--app-id", "/prod/hello");
        var written = await RunAsync("render", "hello", "--options", "options.json", "--output", "out");

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
        (await RunAsync("render", "hello", "--set", "novalue")).Code.Should().Be(2);
        (await RunAsync("render", "nothing")).Code.Should().Be(1);
    }
}
