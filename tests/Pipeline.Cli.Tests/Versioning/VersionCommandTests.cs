using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Tests.Versioning;

public sealed partial class VersionCommandTests
{
    /// <summary>The version MSBuild stamped on the program (VersionPrefix, or a release's -p:Version), in three parts.</summary>
    private static readonly string Stamped = typeof(Program).Assembly.GetName().Version!.ToString(3);

    [Fact]
    public async Task PrintsTheVersionCommitFlavourAndRuntimeOneALine()
    {
        var run = await CliRun.OfAsync("version");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Out.TrimEnd().Split(Environment.NewLine);
        lines.Should().HaveCount(4);
        lines[0].Should().Be($"universe {Stamped}");
        lines[1].Should().MatchRegex(CommitLine().ToString());
        // The test host's runtime configuration is the test project's, which has no flavour.
        lines[2].Should().Be("flavour unknown");
        lines[3].Should().StartWith($"runtime .NET {Environment.Version.ToString(3)} ").And.EndWith(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier);
    }

    [Fact]
    public async Task TheVersionOptionPrintsWhatTheCommandPrints()
    {
        var command = await CliRun.OfAsync("version");
        var option = await CliRun.OfAsync("--version");

        option.ExitCode.Should().Be(0, option.Error);
        option.Out.Should().Be(command.Out).And.StartWith($"universe {Stamped}");
    }

    [Fact]
    public async Task JsonGivesScriptsTheSameFieldsByName()
    {
        var run = await CliRun.OfAsync("version", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var json = JsonNode.Parse(run.Out)!.AsObject();
        json.Select(member => member.Key).Should().Equal("version", "commit", "flavour", "runtime", "runtimeIdentifier");
        json.Select(member => member.Value!.GetValueKind()).Should().AllSatisfy(kind => kind.Should().Be(System.Text.Json.JsonValueKind.String));
        ((string)json["version"]!).Should().Be(Stamped);
        ((string)json["commit"]!).Should().MatchRegex(@"^([0-9a-f]{40}|unknown)$");
        var lines = (await CliRun.OfAsync("version")).Out;
        lines.Should().Contain($"commit {json["commit"]}").And.Contain($"flavour {json["flavour"]}").And.Contain($"runtime {json["runtime"]} {json["runtimeIdentifier"]}");
    }

    [Fact]
    public async Task ExtraArgumentsAreRejectedWithoutAStackTrace()
    {
        var run = await CliRun.OfAsync("version", "now");

        run.ExitCode.Should().Be(ExitCodes.Failure);
        run.Error.Should().Contain("universe: ").And.NotContain("   at ");
        run.Out.Should().BeEmpty();
    }

    [GeneratedRegex("^commit ([0-9a-f]{40}|unknown)$")]
    private static partial Regex CommitLine();
}
