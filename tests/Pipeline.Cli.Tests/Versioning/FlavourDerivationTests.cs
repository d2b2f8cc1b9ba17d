using System.Text.Json.Nodes;
using Pipeline.Cli.Tests.Packaging;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Versioning;

/// <summary>
/// The build flavour Pipeline.Cli.csproj derives when none is given, read from MSBuild's evaluation
/// of the project with the properties `dotnet publish` and `dotnet pack` set (_IsPublishing,
/// _IsPacking): no build, so every way of making universe is checked in seconds.
/// </summary>
public sealed class FlavourDerivationTests
{
    [Theory]
    [InlineData("framework-dependent")] // dotnet build, dotnet run
    [InlineData("native", "_IsPublishing=true")] // dotnet publish: PublishAot is on in the project
    [InlineData("framework-dependent", "_IsPublishing=true", "PublishAot=false", "PublishReadyToRun=true")]
    [InlineData("single-file", "_IsPublishing=true", "PublishAot=false", "PublishSingleFile=true")]
    [InlineData("tool", "_IsPacking=true")]
    [InlineData("container", "_IsPublishing=true", "PublishAot=false", "UniverseFlavour=container")]
    public async Task TheRuntimeConfigurationCarriesTheFlavourOfTheBuild(string flavour, params string[] properties)
    {
        var evaluated = await EvaluateAsync(properties);

        evaluated["Properties"]!["UniverseFlavour"]!.GetValue<string>().Should().Be(flavour);
        evaluated["Items"]!["RuntimeHostConfigurationOption"]!.AsArray()
            .Should().ContainSingle(item => (string)item!["Identity"]! == "Pipeline.Cli.Flavour")
            .Which!["Value"]!.GetValue<string>().Should().Be(flavour);
    }

    [Fact]
    public async Task PackingTurnsNativeCompilationOff()
    {
        // A tool package is framework-dependent; PublishAot would make the pack fail or ship a
        // native file the tool shim cannot run.
        var packing = await EvaluateAsync(["_IsPacking=true"]);

        packing["Properties"]!["PublishAot"]!.GetValue<string>().Should().NotBe("true");
    }

    private static async Task<JsonNode> EvaluateAsync(IEnumerable<string> properties)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var project = Path.Combine(RepositoryFolders.Root, "src", "Pipeline.Cli", "Pipeline.Cli.csproj");
        var run = await ToolCommand.RunAsync("dotnet",
            ["msbuild", project, "-getProperty:UniverseFlavour", "-getProperty:PublishAot", "-getItem:RuntimeHostConfigurationOption", .. properties.Select(p => $"-p:{p}")],
            RepositoryFolders.Root, timeout.Token);
        run.ExitCode.Should().Be(0, run.ToString());
        return JsonNode.Parse(run.Output)!;
    }
}
