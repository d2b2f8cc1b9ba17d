using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

public sealed class BuildCommandTests
{
    [Fact]
    public async Task BuildsOurOwnUniverse()
    {
        var output = Path.Combine(Path.GetTempPath(), $"universe-build-{Guid.NewGuid():N}");
        try
        {
            var run = await CliRun.OfAsync("build", RepositoryFolders.Root, "--output", output);

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
    public async Task OutputIsRequired()
    {
        var run = await CliRun.OfAsync("build", RepositoryFolders.Root);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--output");
    }

    [Fact]
    public async Task ARevisionWithMalformedJsonIsSkippedAndReportedInValidationsWords()
    {
        var tree = Path.Combine(Path.GetTempPath(), $"universe-build-{Guid.NewGuid():N}");
        try
        {
            var from = CliRun.RuleCase("UNI102-malformed-json");
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(tree, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var run = await CliRun.OfAsync("build", tree, "--output", Path.Combine(tree, "out"), "--no-site");
            var validate = await CliRun.OfAsync("validate", tree, "--format", "json");

            run.ExitCode.Should().Be(1);
            run.Error.Should().Contain("packages/S/sample/0/package.json:7:21: error UNI102: trailing comma after the last property");
            validate.Out.Should().Contain("trailing comma after the last property", "build and validate word the rule alike");
            run.Out.Should().Contain($"1 revisions or files were skipped; run `universe validate {tree}` for details");
            File.Exists(Path.Combine(tree, "out", "index.json")).Should().BeTrue("the rest of the tree is built");
        }
        finally
        {
            if (Directory.Exists(tree)) Directory.Delete(tree, recursive: true);
        }
    }
}
