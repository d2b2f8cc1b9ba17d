using System.Text.Json.Nodes;
using Pipeline.Cli.Commands;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Mirroring.CliInstall;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests.Mirror;

/// <summary>`universe mirror` and `universe cli install` as a user runs them.</summary>
public sealed class MirrorCommandTests : IAsyncLifetime, IDisposable
{
    private readonly MirrorTrees _trees = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private DownloadServer _server = null!;

    public async Task InitializeAsync() => _server = await DownloadServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
        _trees.Dispose();
    }

    private CliConsole Console => new(_out, _error, IsTerminal: false);

    private ProcessEnvironment Environment => ProcessEnvironment.Of(new Dictionary<string, string> { ["HOME"] = _trees.Path("home") }, _trees.Root);

    private Task<int> RunAsync(params string[] args) => Program.RunAsync(args, Console, Environment);

    [Fact]
    public async Task MirrorPrintsPlainLinesOutsideATerminal()
    {
        _trees.AddRevision("source", "hello", 0, "1.0.0");
        _trees.AddRevision("source", "hello", 1, "2.0.0");

        var exit = await RunAsync("mirror", "--from", "source", "--include", "hello@2.0.0", "--to", "mirror");

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        _out.ToString().Should().Contain("mirroring 1 revisions").And.Contain("mirrored hello 2.0.0 (revision 1)")
            .And.Contain("mirrored 1 revisions (0 already done)").And.NotContain("\r");
        File.Exists(_trees.Path("mirror", "packages", "H", "hello", "1", "package.json")).Should().BeTrue();
    }

    [Fact]
    public async Task MirrorDrawsAProgressBarInATerminal()
    {
        var collector = MirrorTrees.Bytes(20_000);
        _trees.AddRevision("source", "hello", 0, "1.0.0", MirrorTrees.Resource(_server.Add("icon.png", MirrorTrees.Bytes(10)), _server.Add("collector.tgz", collector)));

        var exit = await Program.RunAsync(["mirror", "--from", "source", "--all", "--to", "mirror", "--assets", "--base-url", "https://mirror.example.com/"],
            Console with { IsTerminal = true }, Environment);

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        _error.ToString().Should().Contain("\r[").And.Contain("] 1/1 hello 1.0.0 (revision 0)");
        _out.ToString().Should().NotContain("mirrored hello").And.Contain("downloaded 2 files").And.Contain("example/hello:1.0");
        File.ReadAllBytes(_trees.Path("mirror", "assets", "hello", "1.0.0", "collector.tgz")).Should().Equal(collector);
    }

    /// <summary>Revisions hello0, hello1... with one file each, served as fileN.tgz.</summary>
    private void OneFileEach(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _trees.AddRevision("source", $"hello{i}", 0, "1.0.0", new JsonObject
            {
                ["assets"] = new JsonObject { ["uris"] = new JsonObject { ["file"] = _server.Add($"file{i}.tgz", MirrorTrees.Bytes(5_000, i)).AbsoluteUri } },
            });
        }
    }

    [Fact]
    public async Task MirrorShowsEveryDownloadInFlightOnOneProgressLine()
    {
        OneFileEach(2);
        _server.Gate.Close();

        var run = Program.RunAsync(["mirror", "--from", "source", "--all", "--to", "mirror", "--assets", "--base-url", "https://mirror.example.com/", "--concurrency", "2"],
            Console with { IsTerminal = true }, Environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _server.Gate.WaitUntilHeldAsync(2, timeout.Token);
        _server.Gate.Open();
        var exit = await run;

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        _error.ToString().Should().Contain("] 0/2 2 downloading").And.NotContain("\n");
        _out.ToString().Should().Contain("downloaded 2 files");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task MirrorPrintsOneLinePerFinishedDownloadUnlessBothOutputsAreATerminal(bool outIsTerminal, bool errorIsTerminal)
    {
        OneFileEach(3);

        var exit = await Program.RunAsync(["mirror", "--from", "source", "--all", "--to", "mirror", "--assets", "--base-url", "https://mirror.example.com/", "--concurrency", "3"],
            Console with { IsTerminal = outIsTerminal, ErrorIsTerminal = errorIsTerminal }, Environment);

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => l.StartsWith("downloaded http", StringComparison.Ordinal)).Should().HaveCount(3);
        lines.Should().HaveCount(1 + 3 + 3 + 1, "mirroring N, a line per revision, one per download, the summary: no progress lines");
        _error.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task MirrorReadsAConfiguredRepositoryByName()
    {
        var source = _trees.AddRevision("source", "hello", 0, "1.0.0");
        var config = _trees.Path("repositories.yaml");
        (await RunAsync("repo", "add", "upstream", source, "--config", config)).Should().Be(ExitCodes.Success, _error.ToString());

        var exit = await RunAsync("mirror", "--from", "upstream", "--all", "--to", "out", "--bundle", "--config", config);

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        File.Exists(_trees.Path("out", "tree", "packages", "H", "hello", "0", "package.json")).Should().BeTrue();
        File.Exists(_trees.Path("out", "site", "index.json")).Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { "mirror", "--from", "source", "--to", "out" }, "either --include")]
    [InlineData(new[] { "mirror", "--from", "source", "--all", "--include", "hello", "--to", "out" }, "either --include")]
    [InlineData(new[] { "mirror", "--from", "source", "--all", "--to", "out", "--assets" }, "--base-url")]
    [InlineData(new[] { "mirror", "--from", "source", "--include", "hello@", "--to", "out" }, "not NAME or NAME@VERSION")]
    [InlineData(new[] { "mirror", "--from", "source", "--all", "--to", "out", "--concurrency", "0" }, "--concurrency must be between 1 and 32 (downloads at once), not 0")]
    [InlineData(new[] { "mirror", "--from", "source", "--all", "--to", "out", "--concurrency", "33" }, "--concurrency must be between 1 and 32 (downloads at once), not 33")]
    public async Task MirrorRefusesUsageMistakes(string[] args, string message)
    {
        (await RunAsync(args)).Should().Be(ExitCodes.Failure);
        _error.ToString().Should().Contain(message);
    }

    [Fact]
    public async Task MirrorFromAnUnreachableRepositoryFailsClearly()
    {
        (await RunAsync("mirror", "--from", "http://127.0.0.1:1/index.json", "--all", "--to", "out")).Should().Be(ExitCodes.Failure);
        _error.ToString().Should().Contain("universe mirror: upstream http://127.0.0.1:1/index.json");
    }

    private async Task<string> ConfigWithAsync(string tree)
    {
        var config = _trees.Path("repositories.yaml");
        (await RunAsync("repo", "add", "local", tree, "--config", config)).Should().Be(ExitCodes.Success, _error.ToString());
        _out.GetStringBuilder().Clear();
        return config;
    }

    [Fact]
    public async Task CliInstallPrintsThePipCommandForCommandJson()
    {
        var config = await ConfigWithAsync(_trees.AddRevision("source", "metrics", 0, "0.9.2", command: new JsonObject { ["pip"] = new JsonArray("https://example.com/dcos_metrics-0.9.2-py3-none-any.whl") }));

        var exit = await RunAsync("cli", "install", "metrics", "--config", config, "--bin-dir", "bin");

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        _out.ToString().Trim().Should().Be("pip install https://example.com/dcos_metrics-0.9.2-py3-none-any.whl");
    }

    [Fact]
    public async Task CliInstallPutsTheVerifiedBinaryInTheBinFolder()
    {
        var binary = MirrorTrees.Bytes(4_000);
        var config = await ConfigWithAsync(_trees.AddRevision("source", "tool", 0, "1.0.0", MirrorTrees.CliResource(_server.Add("cli/dcos-tool", binary), MirrorTrees.Sha256(binary))));

        var exit = await CliInstallCommand.RunAsync(Console, Environment, "tool@1.0.0", null, config, CliPlatform.Linux);

        exit.Should().Be(ExitCodes.Success, _error.ToString());
        var installed = _trees.Path("home", ".local", "bin", "dcos-tool");
        _out.ToString().Should().Contain($"installed {installed}");
        File.ReadAllBytes(installed).Should().Equal(binary);
    }

    [Fact]
    public async Task CliInstallWithAHashMismatchExitsOneAndInstallsNothing()
    {
        var config = await ConfigWithAsync(_trees.AddRevision("source", "tool", 0, "1.0.0",
            MirrorTrees.CliResource(_server.Add("cli/dcos-tool", MirrorTrees.Bytes(4_000, 1)), MirrorTrees.Sha256(MirrorTrees.Bytes(4_000, 2)))));

        var exit = await CliInstallCommand.RunAsync(Console, Environment, "tool", "bin", config, CliPlatform.Linux);

        exit.Should().Be(1);
        _error.ToString().Should().Contain("universe cli install: tool 1.0.0:").And.Contain("sha256 mismatch").And.Contain("nothing was installed");
        Directory.EnumerateFileSystemEntries(_trees.Path("bin")).Should().BeEmpty();
    }

    [Fact]
    public async Task CliInstallFromARedirectToFileExitsTwoWithOneLineAndNoStackTrace()
    {
        await using var upstream = await Pipeline.Testing.Upstreams.HostileUpstream.StartAsync();
        var config = await ConfigWithAsync(_trees.AddRevision("source", "tool", 0, "1.0.0",
            MirrorTrees.CliResource(upstream.Redirect("cli/dcos-tool", "file:///etc/passwd"), MirrorTrees.Sha256(MirrorTrees.Bytes(10)))));

        var exit = await CliInstallCommand.RunAsync(Console, Environment, "tool", "bin", config, CliPlatform.Linux);

        exit.Should().Be(ExitCodes.Failure, _error.ToString());
        var lines = _error.ToString().Trim().Split('\n');
        lines.Should().ContainSingle().Which.Should().StartWith("universe cli install: tool 1.0.0:").And.Contain("file:///etc/passwd").And.Contain("refused");
        Directory.Exists(_trees.Path("bin")).Should().BeTrue();
        Directory.EnumerateFileSystemEntries(_trees.Path("bin")).Should().BeEmpty();
    }
}
