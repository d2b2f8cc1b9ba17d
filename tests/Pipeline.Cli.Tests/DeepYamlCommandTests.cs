using Pipeline.Diagnostics.Runs;
namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>a: [[[[…</c> 50,000 deep in universe.yaml and in a YAML descriptor overflowed the stack
/// (exit 134, no report). Without the depth bound this kills the test host.
/// </summary>
public sealed class DeepYamlCommandTests : IDisposable
{
    private static readonly string Deep = "a: " + new string('[', 50_000) + "\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "universe-cli-deep-yaml", Guid.NewGuid().ToString("N"));

    public DeepYamlCommandTests()
    {
        var revision = Path.Combine(_root, "packages", "S", "sample", "0");
        Directory.CreateDirectory(revision);
        File.WriteAllText(Path.Combine(revision, "package.json"), """
            {
              "packagingVersion": "4.0",
              "name": "sample",
              "version": "1.0.0",
              "maintainer": "team@example.org",
              "description": "A sample package.",
              "tags": ["sample"]
            }
            """);
        File.WriteAllText(Path.Combine(revision, "kubernetes.yaml.mustache"), Deep);
        File.WriteAllText(Path.Combine(_root, "universe.yaml"), Deep);
    }

    [Fact]
    public async Task ValidateReportsBothFilesAndExitsOne()
    {
        var run = await CliRun.OfAsync("validate", _root);

        run.ExitCode.Should().Be(1, run.Out + run.Error);
        run.Out.Should().Contain("UNI106 universe.yaml:1:")
            .And.Contain("UNI106 packages/S/sample/0/kubernetes.yaml.mustache");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task BuildReportsTheDepthAndExitsOne()
    {
        var output = Path.Combine(_root, "out");

        var run = await CliRun.OfAsync("build", _root, "--output", output, "--no-site");

        run.ExitCode.Should().Be(1, run.Out + run.Error);
        (run.Out + run.Error).Should().Contain("UNI106");
        run.Error.Should().NotContain("   at ");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
