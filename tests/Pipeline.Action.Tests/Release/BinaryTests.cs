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
        (await ReleaseScript.RunProgramAsync("tar", ["-xzf", Path.Combine(output, "universe-1.2.0-linux-x64.tar.gz"), "-C", folder])).ExitCode.Should().Be(0);
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Should().BeEquivalentTo("dist", "universe", "LICENSE");
        var help = await ReleaseScript.RunProgramAsync(Path.Combine(folder, "universe"), ["--help"]);
        help.ExitCode.Should().Be(0, help.ToString());
        help.Output.Should().Contain("validate");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
