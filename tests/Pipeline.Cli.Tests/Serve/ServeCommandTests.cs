using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.StaticFiles;
using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests.Serve;

/// <summary><c>universe serve</c> with configured repositories, through <see cref="Program.RunAsync(string[], CliConsole, ProcessEnvironment, CancellationToken)"/>.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TestTrees _trees = new();
    private readonly ProcessEnvironment _environment;
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromMinutes(1));

    public ServeCommandTests()
    {
        _environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg"), ["HOME"] = _trees.Path("home") }, _trees.Root);
    }

    [Fact]
    public async Task A_DC_OS_repository_is_served_as_an_upstream_and_the_start_up_lines_say_what_each_upstream_is()
    {
        await using var files = await StaticFileServer.StartAsync();
        var dcos = files.Add("repo-up-to-2.0.json", TestTrees.DcosRepository(("hello", "0.5", 0)), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");
        _trees.AddRevision("local", "hello", 0, "1.0.0");
        (await Program.RunAsync(["repo", "add", "public", dcos.AbsoluteUri], Quiet(), _environment)).Should().Be(0);
        (await Program.RunAsync(["repo", "add", "folder", "local"], Quiet(), _environment)).Should().Be(0);

        var error = new LineWatch("  upstream public");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_bound.Token);
        var serving = Program.RunAsync(["serve", "--listen", "127.0.0.1:0"], new CliConsole(new StringWriter(), error, IsTerminal: false), _environment, stop.Token);
        await Task.WhenAny(error.Seen, serving).WaitAsync(_bound.Token);
        await stop.CancelAsync();

        (await serving).Should().Be(0);
        error.ToString().Should().Contain($"  upstream public (DC/OS repository, {dcos}): fresh")
            .And.Contain("not serving `folder`");
    }

    private static CliConsole Quiet() => new(new StringWriter(), new StringWriter(), IsTerminal: false);

    public void Dispose()
    {
        _bound.Dispose();
        _trees.Dispose();
    }

    /// <summary>Standard error that says when a line starting with the text is written.</summary>
    private sealed class LineWatch(string start) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(start, StringComparison.Ordinal) == true) _seen.TrySetResult();
        }
    }
}
