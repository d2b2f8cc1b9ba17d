namespace Pipeline.Cli.Tests;

public sealed class BuildCommandTests
{
    [Fact]
    public void BuildsOurOwnUniverse()
    {
        var output = Path.Combine(Path.GetTempPath(), $"universe-build-{Guid.NewGuid():N}");
        try
        {
            var run = CliRun.Of("build", CliRun.RepositoryRoot, "--output", output);

            run.ExitCode.Should().Be(0, run.Error);
            run.Out.Should().Contain("built 8 revisions of 5 packages");
            foreach (var file in new[] { "index.json", "universe.json", "repo-up-to-2.0.json", "repo-empty-v3.json", "SHA256SUMS", "package/kv-store.json" })
            {
                File.Exists(Path.Combine(output, file)).Should().BeTrue(file);
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void OutputIsRequired()
    {
        var run = CliRun.Of("build", CliRun.RepositoryRoot);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--output");
    }
}
