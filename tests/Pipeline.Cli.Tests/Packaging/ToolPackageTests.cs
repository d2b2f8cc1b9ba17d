using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests.Packaging;

/// <summary>
/// `dotnet pack` + `dotnet tool install --tool-path` from a fresh clone gives a working `universe`
/// (issue 13): it says it is the tool build, and validates a tree with the usual exit codes.
/// </summary>
public sealed class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public async Task ThePackedToolInstallsAndRuns()
    {
        tool.Failure.Should().BeNull();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var version = await ToolCommand.RunAsync(tool.Executable!, ["--version"], tool.Folder, timeout.Token);
        version.ExitCode.Should().Be(0, version.ToString());
        version.Output.Split('\n').Select(line => line.TrimEnd('\r')).Should().StartWith($"universe {InstalledTool.Version}").And.Contain("flavour tool");

        using var trees = new TestTrees();
        var clean = trees.AddRevision("universe", "hello", 0, "1.0.0");
        var valid = await ToolCommand.RunAsync(tool.Executable!, ["validate", clean], tool.Folder, timeout.Token);
        valid.ExitCode.Should().Be(0, valid.ToString());
        valid.Output.Should().Contain("0 errors");

        var invalid = await ToolCommand.RunAsync(tool.Executable!, ["validate", CliRun.RuleCase("UNI110-missing-tags")], tool.Folder, timeout.Token);
        invalid.ExitCode.Should().Be(1, invalid.ToString());
        invalid.Output.Should().Contain("UNI110");
    }
}
