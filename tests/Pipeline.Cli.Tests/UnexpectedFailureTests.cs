using System.Text;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Tests;

/// <summary>
/// What escapes a command is an infrastructure failure: one line and exit 2, never a stack trace
/// and never exit 1 (which says "errors found").
/// </summary>
public sealed class UnexpectedFailureTests
{
    /// <summary>Standard output as a closed pipe shows it: every write fails.</summary>
    private sealed class BrokenPipe : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
    }

    [Fact]
    public async Task AFailureInsideACommandIsOneLineAndExitTwo()
    {
        var error = new StringWriter();

        var code = await Program.RunAsync(["rules"], new CliConsole(new BrokenPipe(), error, IsTerminal: false));

        code.Should().Be(ExitCodes.Failure);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().Be("universe: rules failed: Broken pipe (IOException)");
    }

    [Fact]
    public async Task WhenTheErrorStreamIsBrokenTooTheExitCodeStillSaysFailure()
    {
        var code = await Program.RunAsync(["rules"], new CliConsole(new BrokenPipe(), new BrokenPipe(), IsTerminal: false));

        code.Should().Be(ExitCodes.Failure);
    }
}
