using System.CommandLine;
using Pipeline.Testing.Printed;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// Every example `--help` shows runs: each command's help is read as a user reads it, and its
/// "Examples:" lines run in the order the commands appear in `universe --help`, in a copy of the
/// example universe.
/// </summary>
public sealed class HelpExampleTests : IDisposable
{
    private readonly ExampleUniverse _universe = new();

    public void Dispose() => _universe.Dispose();

    [Fact]
    public async Task TheCommandsWithTheLeastObviousArgumentsShowExamples()
    {
        var examples = await ExamplesAsync();

        examples.Select(e => e.Command).Distinct().Should().Contain(["repo add", "render", "mirror", "promote"]);
        examples.Where(e => e.Command == "validate").Should().BeEmpty("a command without examples shows none");
    }

    [Fact]
    public async Task EveryExampleRuns()
    {
        var examples = await ExamplesAsync();

        examples.Should().NotBeEmpty();
        foreach (var (command, example) in examples)
        {
            var words = ShellWords.Commands(example).Single();
            words[0].Should().Be("universe");
            var run = await _universe.RunAsync(words.Skip(1).ToArray());
            run.ExitCode.Should().Be(0, $"`{example}` from `universe {command} --help` printed:\n{run.Out}{run.Error}");
        }
        Directory.EnumerateFiles(_universe.InCheckout("rendered")).Should().NotBeEmpty();
        Directory.Exists(_universe.InCheckout("mirror", "packages", "H", "hello-world")).Should().BeTrue();
        Directory.Exists(_universe.InCheckout("bundle", "tree")).Should().BeTrue();
        Directory.Exists(Path.Combine(_universe.Root, "production", "packages", "H", "hello-world", "0")).Should().BeTrue();
    }

    /// <summary>Each command's examples as its --help prints them, commands in help order.</summary>
    private async Task<List<(string Command, string Example)>> ExamplesAsync()
    {
        var examples = new List<(string, string)>();
        foreach (var path in Paths(CommandTree.Root, []))
        {
            var help = await _universe.RunAsync([.. path, "--help"]);
            help.ExitCode.Should().Be(0);
            var lines = help.Out.ReplaceLineEndings("\n").Split('\n');
            var section = lines.SkipWhile(l => l != "Examples:").Skip(1).TakeWhile(l => l.Length > 0);
            examples.AddRange(section.Select(l => (string.Join(' ', path), l.Trim())));
        }
        return examples;
    }

    private static IEnumerable<string[]> Paths(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] here = [.. path, sub.Name];
            yield return here;
            foreach (var deeper in Paths(sub, here)) yield return deeper;
        }
    }
}
