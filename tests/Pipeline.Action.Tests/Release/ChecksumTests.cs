namespace Pipeline.Action.Tests.Release;

/// <summary>checksums.sh: SHA256SUMS over every release file, which `sha256sum -c` verifies.</summary>
public sealed class ChecksumTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pipeline-release-sums-").FullName;

    [Fact]
    public async Task SHA256SUMSVerifiesEveryFileAndCatchesAChangedOne()
    {
        File.WriteAllText(Path.Combine(folder, "universe-1.2.0-linux-x64.tar.gz"), "binary");
        File.WriteAllText(Path.Combine(folder, "Universe.Pipeline.1.2.0.nupkg"), "package");
        File.WriteAllText(Path.Combine(folder, "a name with spaces.zip"), "zip");

        (await ReleaseScript.RunAsync("checksums.sh", [folder])).ExitCode.Should().Be(0);
        var rerun = await ReleaseScript.RunAsync("checksums.sh", [folder]);

        rerun.ExitCode.Should().Be(0, rerun.ToString());
        var lines = File.ReadAllLines(Path.Combine(folder, "SHA256SUMS"));
        lines.Should().HaveCount(3, "every file but SHA256SUMS itself, also on a re-run");
        var check = await CheckAsync();
        check.ExitCode.Should().Be(0, check.ToString());
        check.Output.Should().Contain("universe-1.2.0-linux-x64.tar.gz: OK").And.Contain("a name with spaces.zip: OK");

        File.WriteAllText(Path.Combine(folder, "Universe.Pipeline.1.2.0.nupkg"), "tampered");
        var tampered = await CheckAsync();
        tampered.ExitCode.Should().NotBe(0);
        tampered.Output.Should().Contain("Universe.Pipeline.1.2.0.nupkg: FAILED");
    }

    [Fact]
    public async Task AnEmptyFolderIsAnError()
    {
        var result = await ReleaseScript.RunAsync("checksums.sh", [folder]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("holds no files to checksum");
    }

    private Task<ReleaseScript.Result> CheckAsync() => ReleaseScript.RunProgramAsync("sha256sum", ["-c", "SHA256SUMS"], folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
