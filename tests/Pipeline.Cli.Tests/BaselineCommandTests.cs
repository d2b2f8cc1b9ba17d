using System.Text.Json;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Tests;

/// <summary>`universe baseline` and the baseline as validate and build read it, on copies of rule-case trees.</summary>
public sealed class BaselineCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "universe-cli-baseline", Guid.NewGuid().ToString("N"));

    public BaselineCommandTests()
    {
        // A released revision with a duplicate key (UNI103) and one with an invalid default (UNI202).
        Copy(CliRun.RuleCase("UNI103-duplicate-key"), _root);
        Copy(CliRun.RuleCase("UNI202-invalid-default"), Path.Combine(_root, "other"));
        Directory.Move(Path.Combine(_root, "other", "packages", "S", "sample"), Path.Combine(_root, "packages", "S", "second"));
        Directory.Delete(Path.Combine(_root, "other"), recursive: true);
        var packageJson = Path.Combine(_root, "packages", "S", "second", "0", "package.json");
        File.WriteAllText(packageJson, File.ReadAllText(packageJson).Replace("\"sample\"", "\"second\"", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string BaselinePath => Path.Combine(_root, "universe-baseline.json");

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task AnExistingUniverseAdoptsThePipelineWithABaseline()
    {
        (await CliRun.OfAsync("validate", _root)).ExitCode.Should().Be(1, "the released revisions have errors");

        var baseline = await CliRun.OfAsync("baseline", _root);

        baseline.ExitCode.Should().Be(0, baseline.Error);
        baseline.Out.Should().Contain("universe-baseline.json: 2 entries accepting 2 findings (2 added, 0 removed)");
        var validate = await CliRun.OfAsync("validate", _root);
        validate.ExitCode.Should().Be(0, validate.Out);
        validate.Out.Should().Contain("2 accepted findings (universe-baseline.json)").And.Contain("valid: 2 revisions of 2 packages checked, 0 errors, 0 warnings");
        (await CliRun.OfAsync("validate", _root, "--no-baseline")).ExitCode.Should().Be(1, "--no-baseline shows everything");
    }

    [Fact]
    public async Task TheSameTreeGivesTheSameFile()
    {
        await CliRun.OfAsync("baseline", _root);
        var first = File.ReadAllBytes(BaselinePath);

        var again = await CliRun.OfAsync("baseline", _root);

        File.ReadAllBytes(BaselinePath).Should().Equal(first);
        again.Out.Should().Contain("(0 added, 0 removed)");
    }

    [Fact]
    public async Task ANewErrorStillFails()
    {
        await CliRun.OfAsync("baseline", _root);
        var config = Path.Combine(_root, "packages", "S", "second", "0", "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("{", "{\"description\": \"x\", \"description\": \"y\",", StringComparison.Ordinal));

        var run = await CliRun.OfAsync("validate", _root);

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("UNI103 packages/S/second/0/config.json").And.Contain("2 accepted findings");
    }

    [Fact]
    public async Task PruneDropsWhatIsGoneAndNeverAdds()
    {
        await CliRun.OfAsync("baseline", _root);
        // The defect of `sample` is gone (its revision rewritten for the test); `second` gains a new one.
        var packageJson = Path.Combine(_root, "packages", "S", "sample", "0", "package.json");
        File.WriteAllText(packageJson, File.ReadAllText(packageJson).Replace("\"version\": \"1.0.1\",", "", StringComparison.Ordinal));
        (await CliRun.OfAsync("validate", _root)).Out.Should().Contain($"1 accepted finding (universe-baseline.json), 1 fixed: run `universe baseline {_root} --prune` to drop it");

        var prune = await CliRun.OfAsync("baseline", _root, "--prune");

        prune.ExitCode.Should().Be(0, prune.Error);
        prune.Out.Should().Contain("1 entry accepting 1 finding (0 added, 1 removed)");
        File.ReadAllText(BaselinePath).Should().Contain("packages/S/second/0/config.json").And.NotContain("packages/S/sample/");
    }

    [Fact]
    public async Task PruneWithoutABaselineIsAUsageFailure()
    {
        var run = await CliRun.OfAsync("baseline", _root, "--prune");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("there is no").And.Contain("to prune");
    }

    [Fact]
    public async Task AMalformedBaselineIsAClearDiagnosticAndTheRunGoesOnWithoutIt()
    {
        File.WriteAllText(BaselinePath, "{ \"formatVersion\": \"1\", \"entries\": [ { \"file\": \"../../etc/passwd\", \"code\": \"UNI103\", \"fingerprint\": \"0123456789abcdef\" } ] }");

        var run = await CliRun.OfAsync("validate", _root);

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("error   UNI116 universe-baseline.json:1:48")
            .And.Contain("`file` must be a path inside a revision folder")
            .And.Contain("UNI103 packages/S/sample/0/package.json").And.Contain("0 accepted findings");
    }

    [Fact]
    public async Task JsonAndSarifListTheAcceptedFindings()
    {
        await CliRun.OfAsync("baseline", _root);

        using var json = JsonDocument.Parse((await CliRun.OfAsync("validate", _root, "--format", "json")).Out);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("accepted").GetArrayLength().Should().Be(2);
        using var sarif = JsonDocument.Parse((await CliRun.OfAsync("validate", _root, "--format", "sarif")).Out);
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("baselineState").GetString()).Should().Equal("unchanged", "unchanged");
    }

    [Fact]
    public async Task TheOutputOptionWritesElsewhere()
    {
        var file = Path.Combine(_root, "elsewhere.json");

        (await CliRun.OfAsync("baseline", _root, "--output", file)).ExitCode.Should().Be(0);

        File.Exists(file).Should().BeTrue();
        File.Exists(BaselinePath).Should().BeFalse();
    }

    [Fact]
    public async Task BuildDoesNotFailForARevisionSkippedOverAnAcceptedFinding()
    {
        var tree = Path.Combine(_root, "malformed");
        Copy(CliRun.RuleCase("UNI102-malformed-json"), tree);
        var output = Path.Combine(_root, "out");
        (await CliRun.OfAsync("build", tree, "--output", output, "--no-site")).ExitCode.Should().Be(1);
        (await CliRun.OfAsync("baseline", tree)).ExitCode.Should().Be(0);

        var run = await CliRun.OfAsync("build", tree, "--output", output, "--no-site");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("1 skipped revisions or files are accepted by universe-baseline.json");
        (await CliRun.OfAsync("build", tree, "--output", output, "--no-site", "--no-baseline")).ExitCode.Should().Be(1);
    }
}
