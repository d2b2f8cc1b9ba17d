using System.Net;
using System.Net.Sockets;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Ctrl+C reaches a command as the cancellation token System.CommandLine passes it; these tests
/// cancel the token the program is run with, which System.CommandLine links to that one.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("universe-cancel-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task ASearchWaitingOnAnUpstreamThatNeverAnswersStopsWithExit130AndOneLine()
    {
        using var upstream = new TcpListener(IPAddress.Loopback, 0);
        upstream.Start();
        var config = Path.Combine(_home, "repositories.yaml");
        await File.WriteAllTextAsync(config, $"repositories:\n  - name: silent\n    location: \"http://127.0.0.1:{((IPEndPoint)upstream.LocalEndpoint).Port}/index.json\"\n");
        using var cancellation = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();

        var run = Program.RunAsync(["search", "--config", config], new CliConsole(output, error, IsTerminal: false),
            ProcessEnvironment.Of(new Dictionary<string, string>(), _home), cancellation.Token);
        var accept = upstream.AcceptTcpClientAsync();
        // Once the request has reached the upstream, which never answers, the command can only be waiting on it.
        (await Task.WhenAny(accept, run)).Should().BeSameAs(accept, "the search should wait on the upstream: {0}", error);
        using var connection = await accept;
        await cancellation.CancelAsync();
        var code = await run;

        code.Should().Be(ExitCodes.Cancelled);
        error.ToString().Should().Be($"universe: cancelled{Environment.NewLine}");
        output.ToString().Should().BeEmpty();
    }
}
