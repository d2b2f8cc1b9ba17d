using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void OurOwnUniverseIsClean()
    {
        var run = CliRun.Of("validate", Path.Combine(RepositoryFolders.Root, "packages"));

        run.ExitCode.Should().Be(0, run.Out);
        run.Out.Should().Contain("valid: 8 revisions of 5 packages checked, 0 errors, 0 warnings");
    }

    [Fact]
    public void ErrorsGiveExitStatusOneAndAReadableReport()
    {
        var run = CliRun.Of("validate", CliRun.RuleCase("UNI110-missing-tags"));

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("sample  (1 error, 0 warnings)")
            .And.Contain("error   UNI110 packages/S/sample/0/package.json:1:1")
            .And.Contain("`tags` is required for packaging 3.0")
            .And.Contain("hint: ");
    }

    [Fact]
    public void JsonReportGoesToTheOutputFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"universe-{Guid.NewGuid():N}.json");
        try
        {
            var run = CliRun.Of("validate", CliRun.RuleCase("UNI111-unknown-field"), "--format", "json", "--output", file);

            run.ExitCode.Should().Be(1);
            run.Out.Should().BeEmpty();
            run.Error.Should().Contain($"report written to {file}");
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
            diagnostic.GetProperty("code").GetString().Should().Be("UNI111");
            diagnostic.GetProperty("hint").GetString().Should().StartWith("Did you mean `maintainer`?");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SarifIsValidJsonWithResults()
    {
        var run = CliRun.Of("validate", CliRun.RuleCase("UNI205-bad-sha256"), "--format", "sarif");

        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString().Should().Be("UNI205");
    }

    [Fact]
    public void SarifNamesFilesFromTheGitTopLevelAndJsonAddsThem()
    {
        var top = Path.Combine(Path.GetTempPath(), "cli-sarif-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(top, ".git"));
            var file = Path.Combine(top, "repo", "packages", "W", "world", "0", "package.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, """{ "packagingVersion": "4.0", "name": "world", "version": "0.1.0", "maintainer": "a@example.org", "description": "No tags." }""");

            var sarif = CliRun.Of("validate", Path.Combine(top, "repo"), "--format", "sarif");
            var json = CliRun.Of("validate", Path.Combine(top, "repo"), "--format", "json");

            sarif.ExitCode.Should().Be(1);
            using var log = JsonDocument.Parse(sarif.Out);
            log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
                .GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("repo/packages/W/world/0/package.json");
            using var report = JsonDocument.Parse(json.Out);
            var diagnostic = report.RootElement.GetProperty("diagnostics")[0];
            diagnostic.GetProperty("file").GetString().Should().Be("packages/W/world/0/package.json");
            diagnostic.GetProperty("repositoryFile").GetString().Should().Be("repo/packages/W/world/0/package.json");
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }

    [Fact]
    public void AMissingPathIsAUsageFailure()
    {
        var run = CliRun.Of("validate", "/nonexistent/universe");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("/nonexistent/universe does not exist");
    }

    [Fact]
    public void AnUnknownFormatIsAUsageFailure()
    {
        var run = CliRun.Of("validate", ".", "--format", "xml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("xml");
    }

    [Fact]
    public void AnUnwritableOutputIsAFailureNotACrash()
    {
        var run = CliRun.Of("validate", CliRun.RuleCase("UNI110-missing-tags"), "--output", "/proc/universe/report.txt");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("cannot write /proc/universe/report.txt");
    }
}
