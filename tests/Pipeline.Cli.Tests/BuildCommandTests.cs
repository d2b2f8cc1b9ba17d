using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

public sealed class BuildCommandTests
{
    [Fact]
    public void BuildsOurOwnUniverse()
    {
        var output = Path.Combine(Path.GetTempPath(), $"universe-build-{Guid.NewGuid():N}");
        try
        {
            var run = CliRun.Of("build", RepositoryFolders.Root, "--output", output);

            run.ExitCode.Should().Be(0, run.Error);
            run.Out.Should().Contain("built 8 revisions of 5 packages");
            foreach (var file in new[] { "index.json", "universe.json", "repo-up-to-2.0.json", "repo-empty-v3.json", "SHA256SUMS", "package/kv-store.json" })
            {
                File.Exists(Path.Combine(output, file)).Should().BeTrue(file);
            }
            // The index we publish follows the schema we publish for it.
            var schema = Pipeline.Json.Schema.JsonSchema.Load(Pipeline.Json.Parsing.JsonParser.Parse(File.ReadAllBytes(Path.Combine(RepositoryFolders.Root, "schema", "v1", "index.json"))).Root!).Schema!;
            var index = Pipeline.Json.Parsing.JsonParser.Parse(File.ReadAllBytes(Path.Combine(output, "index.json"))).Root!;
            schema.Validate(index).Select(e => e.Message).Should().BeEmpty();
            index["packages"]!.Items.Select(p => p["name"]!.String).Should().Equal("hello-world", "job-runner", "kv-store", "log-shipper", "metrics-agent");
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void OutputIsRequired()
    {
        var run = CliRun.Of("build", RepositoryFolders.Root);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--output");
    }
}
