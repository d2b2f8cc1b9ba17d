using System.Text.Json.Nodes;
using Pipeline.Cli.Tests.Printed;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests;

/// <summary><c>universe serve PATH</c> follows PATH: what is edited is served without a restart, and a broken edit is told once.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TestTrees _trees = new();
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(90));
    private readonly HttpClient _client = new();

    private ProcessEnvironment Environment => ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg"), ["HOME"] = _trees.Path("home") }, _trees.Root);

    private async Task<(CliRun Run, Uri Url)> ServeAsync(IReadOnlyList<string> args, Func<Uri, Task> whileServing)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_bound.Token);
        var output = new ServingWriter();
        var error = new StringWriter();
        var serving = Program.RunAsync([.. args, "--listen", "127.0.0.1:0"], new CliConsole(output, TextWriter.Synchronized(error), IsTerminal: false), Environment, stop.Token);
        (await Task.WhenAny(output.Url, serving)).Should().Be(output.Url, "serve starts: {0}", error);
        var url = await output.Url;
        await whileServing(url);
        await stop.CancelAsync();
        var code = await serving;
        return (new CliRun(code, output.ToString(), error.ToString()), url);
    }

    private async Task<JsonNode> GetAsync(Uri url, string path) => JsonNode.Parse(await _client.GetStringAsync(new Uri(url, path), _bound.Token))!;

    private async Task UntilAsync(Func<Task<bool>> done)
    {
        while (!await done()) await Task.Delay(20, _bound.Token);
    }

    [Fact]
    public async Task ServeFollowsItsTreeAndTellsOnceWhenItStopsValidating()
    {
        var tree = _trees.AddRevision("local", "hello", 0, "1.0.0");
        var package = _trees.Path("local", "packages", "H", "hello", "0", "package.json");

        var (run, _) = await ServeAsync(["serve", tree], async url =>
        {
            File.WriteAllText(package, TestTrees.PackageJson("hello", "1.0.0", "Edited on disk").ToJsonString());
            await UntilAsync(async () => (string?)(await GetAsync(url, "index.json"))["packages"]![0]!["description"] == "Edited on disk");
            File.WriteAllText(package, "{\"name\": ");
            await UntilAsync(async () => (string?)(await GetAsync(url, "health"))["sources"]![0]!["state"] == "stale");
            ((string?)(await GetAsync(url, "index.json"))["packages"]![0]!["description"]).Should().Be("Edited on disk");
        });

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Out.Should().StartWith("serving ").And.Contain($"following {tree} (generation 1, fresh)");
        run.Error.Split('\n').Where(l => l.Contains("does not validate", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith("universe serve: local tree").And.Contain("packages/H/hello/0/package.json").And.Contain("UNI102");
    }

    [Fact]
    public async Task NoWatchServesTheTreeAsItWasAtStart()
    {
        var tree = _trees.AddRevision("local", "hello", 0, "1.0.0");

        var (run, _) = await ServeAsync(["serve", tree, "--no-watch"], async url =>
            (await GetAsync(url, "health"))["sources"]![0]!["path"].Should().BeNull("a build given once has no folder to follow"));

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Out.Should().StartWith("serving ").And.NotContain("following");
    }

    public void Dispose()
    {
        _client.Dispose();
        _bound.Dispose();
        _trees.Dispose();
    }
}
