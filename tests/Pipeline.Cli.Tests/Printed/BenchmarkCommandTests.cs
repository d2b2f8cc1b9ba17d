using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// The README's benchmark commands need ../shared and run for minutes, so they are not run here;
/// this proves that each names the benchmark project and only options (and `--only` parts) its
/// Program reads.
/// </summary>
public sealed class BenchmarkCommandTests
{
    private const string Prefix = "dotnet run -c Release --project tests/Pipeline.Benchmarks";

    [Fact]
    public void EveryBenchmarkCommandNamesOptionsTheBenchmarkReads()
    {
        var program = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "tests", "Pipeline.Benchmarks", "Program.cs"));
        var commands = ReadmeCommands.All.Where(c => ReadmeCommands.ProvenBy(c) == Prefix).ToArray();

        commands.Should().NotBeEmpty();
        foreach (var command in commands)
        {
            var args = command.Words.SkipWhile(w => w != "--").Skip(1).ToArray();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
                program.Should().Contain($"Option(args, \"{args[i]}\"", $"{command} passes {args[i]}");
                if (args[i] == "--only") program.Should().Contain($"== \"{args[i + 1]}\"", $"{command} asks for part {args[i + 1]}");
            }
        }
    }
}
