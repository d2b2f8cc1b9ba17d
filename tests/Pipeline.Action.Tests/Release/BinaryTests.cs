using System.Diagnostics;

namespace Pipeline.Action.Tests.Release;

/// <summary>
/// binary.sh for linux-x64, for real: it publishes the self-contained single file, smoke-tests it,
/// and archives it; the archived program then runs here. In the collection of the other test that
/// publishes Pipeline.Cli, because two publishes of one project share its obj folder.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class BinaryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pipeline-release-binary-").FullName;

    [SelfContainedPublishFact]
    public async Task TheLinuxX64ArchiveHoldsASingleFileUniverseThatRuns()
    {
        var output = Path.Combine(folder, "dist");

        var result = await ReleaseScript.RunAsync("binary.sh", ["linux-x64", "1.2.0", "0123456789abcdef", output], timeout: TimeSpan.FromMinutes(20));

        result.ExitCode.Should().Be(0, result.ToString());
        Directory.GetFiles(output).Select(Path.GetFileName).Should().Equal("universe-1.2.0-linux-x64.tar.gz");
        (await RunAsync("tar", "-xzf", Path.Combine(output, "universe-1.2.0-linux-x64.tar.gz"), "-C", folder)).Status.Should().Be(0);
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Should().BeEquivalentTo("dist", "universe", "LICENSE");
        var help = await RunAsync(Path.Combine(folder, "universe"), "--help");
        help.Status.Should().Be(0, help.Output);
        help.Output.Should().Contain("validate");
    }

    private static async Task<(int Status, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
